import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'newsletter.confirm-subject': 'Conferma la tua iscrizione a Informami – {city}',
  'newsletter.confirm-body':
    'Hai chiesto di ricevere le notizie del {city} su: {topics}.\n\nPer completare l’iscrizione apri il link qui sotto entro 48 ore. Se non sei stato tu, ignora questo messaggio: senza conferma non riceverai nulla.',
  'newsletter.confirm-button': 'Conferma l’iscrizione',
  'newsletter.confirm-footer': 'Informami, la newsletter del {city}.',
  'newsletter.footer':
    'Ricevi questo messaggio perché sei iscritto a Informami, la newsletter del {city}. Per non riceverne più: {url}',
  'newsletter.topic-unknown': 'Argomenti non disponibili: {topics}.',
  'newsletter.topic-exists': 'Esiste già un argomento con questo codice.',
  'newsletter.topic-missing': 'Questo argomento non esiste.',
  'newsletter.link-invalid': 'Il link non è valido o è scaduto. Puoi ripetere l’iscrizione.',
  'newsletter.not-sent': 'Non siamo riusciti a inviare l’e-mail di conferma. Riprova tra qualche minuto.',
  'newsletter.campaign-missing': 'Questa campagna non esiste.',
  'newsletter.campaign-not-draft': 'La campagna è già stata inviata e non si può più modificare.',
  'newsletter.no-recipients': 'Nessun iscritto confermato per gli argomenti scelti.',
  'newsletter.unsubscribed': 'Iscrizione annullata: non riceverai più Informami.',
})

registerMessages('en', {
  'newsletter.confirm-subject': 'Confirm your Informami subscription – {city}',
  'newsletter.confirm-body':
    'You asked to receive news from {city} about: {topics}.\n\nTo complete your subscription open the link below within 48 hours. If it was not you, ignore this message: without confirmation you will receive nothing.',
  'newsletter.confirm-button': 'Confirm the subscription',
  'newsletter.confirm-footer': 'Informami, the newsletter of {city}.',
  'newsletter.footer':
    'You receive this message because you subscribed to Informami, the newsletter of {city}. To stop receiving it: {url}',
  'newsletter.topic-unknown': 'Topics not available: {topics}.',
  'newsletter.topic-exists': 'A topic with this code already exists.',
  'newsletter.topic-missing': 'This topic does not exist.',
  'newsletter.link-invalid': 'The link is not valid or has expired. You can subscribe again.',
  'newsletter.not-sent': 'We could not send the confirmation e-mail. Try again in a few minutes.',
  'newsletter.campaign-missing': 'This campaign does not exist.',
  'newsletter.campaign-not-draft': 'The campaign has already been sent and can no longer be changed.',
  'newsletter.no-recipients': 'No confirmed subscriber for the chosen topics.',
  'newsletter.unsubscribed': 'Unsubscribed: you will no longer receive Informami.',
})
