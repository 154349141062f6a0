import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'folder.not-viewable':
    'Non puoi vedere il fascicolo di questa persona: puoi aprire solo quello dei tuoi figli minorenni o di chi ti ha delegato.',
  'folder.not-registered': 'Questa persona non risulta nell’anagrafe del Comune.',
})

registerMessages('en', {
  'folder.not-viewable':
    'You cannot see this person’s folder: you may open only those of your minor children or of people who delegated you.',
  'folder.not-registered': 'This person is not in the city’s registry.',
})
