import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'tickets.unknown-category': 'L’argomento scelto non esiste o non è più disponibile: scegline un altro.',
  'tickets.not-mayor-category': 'Questo argomento non riguarda la Posta del Sindaco: usa “Scrivi al Comune”.',
  'tickets.bad-fiscal-code': 'Il codice fiscale non è valido: controllalo.',
  'tickets.too-many-attachments': 'Puoi allegare al massimo {max} file.',
  'tickets.attachment-too-large': 'Il file “{name}” è troppo grande: il massimo è {maxMb} MB.',
  'tickets.attachment-type':
    'Il file “{name}” non è di un tipo ammesso o il suo contenuto non corrisponde al nome: sono ammessi PDF, immagini PNG, JPEG, GIF e WebP, testo e documenti di Office o OpenDocument.',
  'tickets.attachment-unreadable': 'Il file “{name}” non è leggibile: invialo di nuovo.',
  'tickets.attachment-missing': 'Questo allegato non esiste o non è più disponibile.',
  'tickets.request-missing': 'Questa richiesta non esiste o non è tua.',
  'tickets.citizens-only': 'Solo i cittadini possono scrivere al Comune da qui.',
  'tickets.email-proof-required':
    'Per scrivere senza SPID o CIE verifica prima il tuo indirizzo e-mail con il codice che ti inviamo.',
  'tickets.email-proof-invalid':
    'La verifica dell’indirizzo e-mail non è valida, è scaduta o è già stata usata: richiedi un nuovo codice.',
  'tickets.email-code-invalid': 'Il codice non è corretto o è scaduto: controllalo o richiedine uno nuovo.',
  'tickets.email-codes-limit':
    'Hai chiesto troppi codici per questo indirizzo: riprova tra {minutes} minuti.',
  'tickets.email-not-sent': 'Non siamo riusciti a inviare il codice: riprova tra qualche minuto.',
  'tickets.email-code.subject': 'Il tuo codice di verifica – {city}',
  'tickets.email-code.text':
    'Il codice per verificare il tuo indirizzo e scrivere al Comune è {code}.\n\nVale 10 minuti. Se non lo hai chiesto tu, ignora questo messaggio.',
  'tickets.contact-missing': 'Questo contatto non esiste.',
  'tickets.contact-is-citizen': 'Questo contatto è già quello di un cittadino identificato.',
  'tickets.contact-already-merged': 'Questo contatto è già stato unito a un cittadino.',
  'tickets.contact-query':
    'Cerca per codice fiscale, indirizzo e-mail o numero di telefono (almeno 6 cifre).',
})

registerMessages('en', {
  'tickets.unknown-category': 'The chosen topic does not exist or is no longer available: pick another one.',
  'tickets.not-mayor-category': 'This topic is not one for the Mayor’s mail: use “Write to the city”.',
  'tickets.bad-fiscal-code': 'The fiscal code is not valid: check it.',
  'tickets.too-many-attachments': 'You can attach at most {max} files.',
  'tickets.attachment-too-large': 'The file “{name}” is too large: the maximum is {maxMb} MB.',
  'tickets.attachment-type':
    'The file “{name}” is not of an accepted type or its content does not match its name: PDF, PNG, JPEG, GIF and WebP images, text and Office or OpenDocument documents are accepted.',
  'tickets.attachment-unreadable': 'The file “{name}” cannot be read: send it again.',
  'tickets.attachment-missing': 'This attachment does not exist or is no longer available.',
  'tickets.request-missing': 'This request does not exist or is not yours.',
  'tickets.citizens-only': 'Only citizens can write to the city from here.',
  'tickets.email-proof-required':
    'To write without SPID or CIE, first verify your e-mail address with the code we send you.',
  'tickets.email-proof-invalid':
    'The e-mail verification is not valid, has expired or was already used: ask for a new code.',
  'tickets.email-code-invalid': 'The code is wrong or has expired: check it or ask for a new one.',
  'tickets.email-codes-limit':
    'You asked for too many codes for this address: try again in {minutes} minutes.',
  'tickets.email-not-sent': 'We could not send the code: try again in a few minutes.',
  'tickets.email-code.subject': 'Your verification code – {city}',
  'tickets.email-code.text':
    'The code to verify your address and write to the city is {code}.\n\nIt is valid for 10 minutes. If you did not ask for it, ignore this message.',
  'tickets.contact-missing': 'This contact does not exist.',
  'tickets.contact-is-citizen': 'This contact already belongs to an identified citizen.',
  'tickets.contact-already-merged': 'This contact has already been merged into a citizen.',
  'tickets.contact-query': 'Search by fiscal code, e-mail address or phone number (at least 6 digits).',
})
