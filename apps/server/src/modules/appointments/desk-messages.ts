import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'appointmentsDesk.unknown-office': 'Questa sede non esiste.',
  'appointmentsDesk.unknown-counter': 'Questo sportello non esiste.',
  'appointmentsDesk.bad-code': 'Il codice di prenotazione è fatto di 8 lettere e cifre.',
  'appointmentsDesk.unknown-code': 'Nessuna prenotazione con questo codice.',
  'appointmentsDesk.other-office': 'Questa prenotazione è per un’altra sede.',
  'appointmentsDesk.other-day': 'Questa prenotazione è per il {day}, non per oggi.',
  'appointmentsDesk.too-late':
    'L’orario della prenotazione è passato da più di {minutes} minuti: il cittadino deve prenotare di nuovo.',
  'appointmentsDesk.already-served': 'Questo cittadino è già stato servito.',
  'appointmentsDesk.already-no-show': 'Questa prenotazione è già stata segnata come non presentata.',
  'appointmentsDesk.not-checked-in': 'Il cittadino non ha ancora fatto l’accettazione.',
  'appointmentsDesk.not-called': 'Il cittadino non è ancora stato chiamato allo sportello.',
  'appointmentsDesk.already-called': 'Il cittadino è già stato chiamato allo sportello.',
  'appointmentsDesk.not-active': 'Questa prenotazione è stata annullata o non è mai stata confermata.',
  'appointmentsDesk.not-yet': 'L’orario della prenotazione non è ancora arrivato.',
  'appointmentsDesk.bad-day': 'Scegli un giorno valido.',
})

registerMessages('en', {
  'appointmentsDesk.unknown-office': 'This office does not exist.',
  'appointmentsDesk.unknown-counter': 'This counter does not exist.',
  'appointmentsDesk.bad-code': 'The booking code is made of 8 letters and digits.',
  'appointmentsDesk.unknown-code': 'No booking has this code.',
  'appointmentsDesk.other-office': 'This booking is for another office.',
  'appointmentsDesk.other-day': 'This booking is for {day}, not for today.',
  'appointmentsDesk.too-late':
    'The booked time passed more than {minutes} minutes ago: the citizen needs to book again.',
  'appointmentsDesk.already-served': 'This citizen has already been served.',
  'appointmentsDesk.already-no-show': 'This booking has already been marked as a no-show.',
  'appointmentsDesk.not-checked-in': 'The citizen has not checked in yet.',
  'appointmentsDesk.not-called': 'The citizen has not been called to a counter yet.',
  'appointmentsDesk.already-called': 'The citizen has already been called to a counter.',
  'appointmentsDesk.not-active': 'This booking was cancelled or never confirmed.',
  'appointmentsDesk.not-yet': 'The booked time has not come yet.',
  'appointmentsDesk.bad-day': 'Choose a valid day.',
})
