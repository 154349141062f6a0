import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'tickets.timeline-bad-fiscal-code': 'Il codice fiscale non è valido: controllalo con il cittadino.',
})

registerMessages('en', {
  'tickets.timeline-bad-fiscal-code': 'The fiscal code is not valid: check it with the citizen.',
})
