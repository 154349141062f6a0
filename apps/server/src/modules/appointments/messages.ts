import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'appointments.unknown-service': 'Questo servizio non esiste o non si prenota online.',
  'appointments.not-offered': 'Questo servizio non è disponibile nella sede scelta.',
  'appointments.too-soon': 'L’orario scelto è troppo vicino: scegline uno più avanti.',
  'appointments.too-far': 'L’orario scelto è oltre il periodo in cui si può prenotare.',
  'appointments.closed': 'In quel giorno la sede è chiusa.',
  'appointments.not-a-slot': 'L’orario scelto non corrisponde a un appuntamento disponibile.',
  'appointments.slot-taken':
    'L’orario scelto è appena stato prenotato da qualcun altro: ecco i primi orari ancora liberi.',
  'appointments.limit-reached':
    'Hai già {max} appuntamenti attivi per questo servizio: annullane uno prima di prenotarne un altro.',
  'appointments.missing': 'Questo appuntamento non esiste o non è tuo.',
  'appointments.not-changeable': 'Questo appuntamento non si può più annullare o spostare.',
  'appointments.already-started': 'Questo appuntamento è già iniziato o passato.',
  'appointments.citizens-only': 'Solo i cittadini possono prenotare per sé.',
  'appointments.link-invalid':
    'Questo link non è valido o è stato sostituito da quello di un messaggio più recente: usa l’ultimo messaggio ricevuto o entra nella tua area personale.',
  'appointments.bad-fiscal-code': 'Il codice fiscale non è valido: controllalo con il cittadino.',
  'appointments.day-not-full': 'In quel giorno ci sono ancora orari liberi: prenotane uno.',
  'appointments.already-waiting': 'Sei già in lista d’attesa per quel giorno.',
  'appointments.not-waiting': 'Non sei in questa lista d’attesa.',
  'appointments.offer-over':
    'Il tempo per confermare questo appuntamento è scaduto ed è passato al prossimo in lista.',
})

registerMessages('en', {
  'appointments.unknown-service': 'This service does not exist or cannot be booked online.',
  'appointments.not-offered': 'This service is not offered at the chosen office.',
  'appointments.too-soon': 'The chosen time is too close: pick a later one.',
  'appointments.too-far': 'The chosen time is beyond the booking window.',
  'appointments.closed': 'The office is closed on that day.',
  'appointments.not-a-slot': 'The chosen time is not one of the appointments on offer.',
  'appointments.slot-taken':
    'The chosen time has just been booked by someone else: here are the next free ones.',
  'appointments.limit-reached':
    'You already have {max} active appointments for this service: cancel one before booking another.',
  'appointments.missing': 'This appointment does not exist or is not yours.',
  'appointments.not-changeable': 'This appointment can no longer be cancelled or moved.',
  'appointments.already-started': 'This appointment has already started or passed.',
  'appointments.citizens-only': 'Only citizens can book for themselves.',
  'appointments.link-invalid':
    'This link is not valid or has been replaced by the one in a more recent message: use the latest message you received or sign in to your personal area.',
  'appointments.bad-fiscal-code': 'The fiscal code is not valid: check it with the citizen.',
  'appointments.day-not-full': 'There are still free times on that day: book one.',
  'appointments.already-waiting': 'You are already on the waiting list for that day.',
  'appointments.not-waiting': 'You are not on this waiting list.',
  'appointments.offer-over':
    'The time to confirm this appointment has run out and it went to the next in line.',
})
