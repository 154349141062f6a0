import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'contact.code.email-subject': 'Codice di verifica – {city}',
  'contact.code.email-text':
    'Gentile {name},\n\nil tuo codice di verifica è {code}.\nInseriscilo nell’area personale entro 10 minuti per confermare questo indirizzo e-mail.\n\nSe non hai richiesto tu il codice, ignora questo messaggio.\n\n{city}',
  'contact.code.sms-text':
    '{city}: il tuo codice di verifica è {code}. Scade tra 10 minuti. Non condividerlo.',
  'contact.too-many-codes':
    'Hai richiesto troppi codici di verifica nell’ultima ora. Riprova tra {minutes} minuti.',
  'contact.not-sent': 'Non è stato possibile inviare il codice di verifica. Riprova tra qualche minuto.',
  'contact.no-open-code':
    'Non c’è un codice di verifica in attesa per questo recapito: richiedine uno nuovo.',
  'contact.code-expired': 'Il codice di verifica è scaduto: richiedine uno nuovo.',
  'contact.code-burnt': 'Il codice è stato inserito in modo errato troppe volte: richiedine uno nuovo.',
  'contact.code-wrong': 'Il codice di verifica non è corretto. Tentativi rimasti: {attemptsLeft}.',
  'contact.account-missing': 'Il tuo profilo non è stato trovato: accedi di nuovo.',
})

registerMessages('en', {
  'contact.code.email-subject': 'Verification code – {city}',
  'contact.code.email-text':
    'Dear {name},\n\nyour verification code is {code}.\nEnter it in your personal area within 10 minutes to confirm this e-mail address.\n\nIf you did not ask for this code, ignore this message.\n\n{city}',
  'contact.code.sms-text':
    '{city}: your verification code is {code}. It expires in 10 minutes. Do not share it.',
  'contact.too-many-codes':
    'You asked for too many verification codes in the last hour. Try again in {minutes} minutes.',
  'contact.not-sent': 'The verification code could not be sent. Try again in a few minutes.',
  'contact.no-open-code': 'No verification code is waiting for this contact: ask for a new one.',
  'contact.code-expired': 'The verification code has expired: ask for a new one.',
  'contact.code-burnt': 'The code was entered wrongly too many times: ask for a new one.',
  'contact.code-wrong': 'The verification code is not correct. Attempts left: {attemptsLeft}.',
  'contact.account-missing': 'Your profile was not found: sign in again.',
})
