import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'delegation.not-represented':
    'Non puoi operare per questa persona: non è un tuo figlio minorenne né ti ha delegato.',
  'delegation.delegator-not-registered':
    'Puoi delegare solo se risulti iscritto all’anagrafe del Comune. Rivolgiti all’ufficio anagrafe.',
  'delegation.delegator-minor': 'Per delegare un’altra persona devi essere maggiorenne.',
  'delegation.self': 'non puoi delegare te stesso',
  'delegation.delegate-minor': 'la persona delegata deve essere maggiorenne',
  'delegation.in-the-past': 'la data di fine non può essere già passata',
  'delegation.too-far': 'la delega può durare al massimo un anno',
  'delegation.only-delegator-revokes': 'Solo chi ha rilasciato la delega può revocarla.',
  'delegation.already-ended': 'La delega è già stata revocata.',
})

registerMessages('en', {
  'delegation.not-represented':
    'You cannot act for this person: they are neither your minor child nor have they delegated you.',
  'delegation.delegator-not-registered':
    'You can delegate only if you are in the city’s registry. Please contact the registry office.',
  'delegation.delegator-minor': 'You must be of age to delegate another person.',
  'delegation.self': 'you cannot delegate yourself',
  'delegation.delegate-minor': 'the delegate must be of age',
  'delegation.in-the-past': 'the end date cannot be in the past',
  'delegation.too-far': 'a delegation lasts at most one year',
  'delegation.only-delegator-revokes': 'Only the person who gave the delegation can revoke it.',
  'delegation.already-ended': 'The delegation has already been revoked.',
})
