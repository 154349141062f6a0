import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'tickets.calls.bad-fiscal-code': 'Il codice fiscale non è valido: controllalo con chi ha chiamato.',
  'tickets.calls.in-the-future': 'L’inizio della chiamata è nel futuro: controlla data e ora.',
  'tickets.calls.category-required': 'Scegli l’argomento della chiamata (il dettaglio del terzo livello).',
  'tickets.calls.bad-booking-code': 'Il codice della prenotazione non è valido: sono otto lettere e cifre.',
  'tickets.calls.booking-required': 'Indica il codice dell’appuntamento prenotato durante la chiamata.',
  'tickets.calls.notes-required': 'Scrivi nelle note la richiesta: diventa il primo messaggio della pratica.',
  'tickets.calls.already-logged': 'Questa chiamata è già stata registrata.',
  'tickets.calls.default-subject': 'Chiamata al contact center',
  'tickets.mail.no-subject': '(senza oggetto)',
  'tickets.mail.empty-body': '(messaggio senza testo)',
  'tickets.mail.follow-up': 'Seguito della richiesta {code}, già chiusa.',
  'tickets.mail.files-not-kept':
    'Allegati non conservati (tipo non ammesso, troppo grandi o oltre il numero massimo): {names}.',
  'tickets.mail.unreadable': 'Il messaggio non è un’e-mail leggibile.',
  'tickets.social.follow-up': 'Seguito della conversazione della richiesta {code}, già chiusa.',
  'tickets.social.empty': 'Il messaggio non ha né testo né allegati.',
  'tickets.chatbot.transcript': 'Conversazione con l’assistente virtuale',
  'tickets.chatbot.user': 'Utente',
  'tickets.chatbot.bot': 'Assistente',
  'tickets.chatbot.question': 'Richiesta',
})

registerMessages('en', {
  'tickets.calls.bad-fiscal-code': 'The fiscal code is not valid: check it with the caller.',
  'tickets.calls.in-the-future': 'The call’s start is in the future: check the date and time.',
  'tickets.calls.category-required': 'Choose the call’s topic (the third-level detail).',
  'tickets.calls.bad-booking-code': 'The booking code is not valid: it is eight letters and digits.',
  'tickets.calls.booking-required': 'Give the code of the appointment booked during the call.',
  'tickets.calls.notes-required': 'Write the request in the notes: they become the ticket’s first message.',
  'tickets.calls.already-logged': 'This call has already been logged.',
  'tickets.calls.default-subject': 'Call to the contact centre',
  'tickets.mail.no-subject': '(no subject)',
  'tickets.mail.empty-body': '(message without text)',
  'tickets.mail.follow-up': 'Follow-up of request {code}, already closed.',
  'tickets.mail.files-not-kept':
    'Attachments not kept (type not accepted, too large or over the maximum number): {names}.',
  'tickets.mail.unreadable': 'The message is not a readable e-mail.',
  'tickets.social.follow-up': 'Follow-up of the conversation of request {code}, already closed.',
  'tickets.social.empty': 'The message has neither text nor attachments.',
  'tickets.chatbot.transcript': 'Conversation with the virtual assistant',
  'tickets.chatbot.user': 'User',
  'tickets.chatbot.bot': 'Assistant',
  'tickets.chatbot.question': 'Request',
})
