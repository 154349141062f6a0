import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'deadlines.feed-missing': 'Questo calendario non esiste più: creane uno nuovo da Scadenze.',
  'deadlines.feed-name': 'Scadenze – {city}',
  'deadlines.feed-reminder': 'Domani',
  'deadlines.feed-payment': 'Da pagare: {title}, {amount}',
  'deadlines.feed-appointment': 'Appuntamento: {title}',
  'deadlines.kind.identity-card': 'Scade la carta d’identità',
  'deadlines.kind.resident-parking-permit': 'Scade il permesso di sosta per residenti',
  'deadlines.kind.area-b-exemption': 'Scade la deroga Area B',
  'deadlines.kind.area-c-pass': 'Scadono gli ingressi gratuiti in Area C',
  'deadlines.kind.isee': 'Scade l’ISEE',
  'deadlines.kind.library-loan': 'Restituisci il prestito in biblioteca',
})

registerMessages('en', {
  'deadlines.feed-missing': 'This calendar no longer exists: create a new one from Deadlines.',
  'deadlines.feed-name': 'Deadlines – {city}',
  'deadlines.feed-reminder': 'Tomorrow',
  'deadlines.feed-payment': 'To pay: {title}, {amount}',
  'deadlines.feed-appointment': 'Appointment: {title}',
  'deadlines.kind.identity-card': 'Identity card expires',
  'deadlines.kind.resident-parking-permit': 'Resident parking permit expires',
  'deadlines.kind.area-b-exemption': 'Area B exemption expires',
  'deadlines.kind.area-c-pass': 'Area C free entries expire',
  'deadlines.kind.isee': 'ISEE expires',
  'deadlines.kind.library-loan': 'Return the library loan',
})
