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
})
