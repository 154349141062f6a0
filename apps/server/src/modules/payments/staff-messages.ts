import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'payments.lookup-one': 'Cerca per codice fiscale oppure per codice avviso: indicane uno solo.',
  'payments.lookup-fiscal-code':
    'Codice fiscale non valido: 16 caratteri per una persona, 11 cifre per un’impresa o un ente.',
  'payments.lookup-notice': 'Il codice avviso è fatto di 18 cifre.',
})

registerMessages('en', {
  'payments.lookup-one': 'Search by fiscal code or by notice number: give only one of them.',
  'payments.lookup-fiscal-code':
    'Fiscal code not valid: 16 characters for a person, 11 digits for a company or a public body.',
  'payments.lookup-notice': 'The notice number is made of 18 digits.',
})
