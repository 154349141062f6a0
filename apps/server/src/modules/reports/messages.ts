import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'reports.missing': 'Questa segnalazione non esiste.',
  'reports.unknown-category': 'La categoria scelta ({code}) non esiste o non accetta segnalazioni.',
  'reports.citizens-only':
    'Le segnalazioni si inviano come cittadino, con SPID o CIE o con un indirizzo e-mail verificato.',
  'reports.email-proof-required':
    'Senza SPID o CIE serve un indirizzo e-mail verificato: chiedi il codice, inseriscilo e riprova.',
  'reports.staff-only': 'Lo stato di una segnalazione lo aggiorna solo il personale del Comune.',
  'reports.closed': 'Questa segnalazione è chiusa: se il problema c’è ancora, inviane una nuova.',
  'reports.same-status': 'La segnalazione è già in questo stato: aggiungi una nota o scegli un altro stato.',
  'reports.too-many-photos': 'Puoi allegare al massimo {max} foto.',
  'reports.photo-too-large': 'La foto {position} è vuota o supera {maxMb} MB.',
  'reports.photo-type': 'Il file {position} non è una foto JPEG, PNG o WebP.',
  'reports.photo-unreadable': 'La foto {position} è danneggiata o troppo grande da leggere.',
  'reports.no-street': 'Lo stradario del Comune è vuoto: indica il luogo sulla mappa o scrivi l’indirizzo.',
})

registerMessages('en', {
  'reports.missing': 'This report does not exist.',
  'reports.unknown-category': 'The chosen category ({code}) does not exist or does not take reports.',
  'reports.citizens-only':
    'Reports are sent as a citizen, with SPID or CIE or with a verified e-mail address.',
  'reports.email-proof-required':
    'Without SPID or CIE you need a verified e-mail address: ask for the code, enter it and try again.',
  'reports.staff-only': 'Only the city’s staff update the status of a report.',
  'reports.closed': 'This report is closed: if the problem is still there, send a new one.',
  'reports.same-status': 'The report already has this status: add a note or choose another status.',
  'reports.too-many-photos': 'You can attach at most {max} photos.',
  'reports.photo-too-large': 'Photo {position} is empty or larger than {maxMb} MB.',
  'reports.photo-type': 'File {position} is not a JPEG, PNG or WebP photo.',
  'reports.photo-unreadable': 'Photo {position} is damaged or too large to read.',
  'reports.no-street': 'The city’s street list is empty: mark the place on the map or type the address.',
})
