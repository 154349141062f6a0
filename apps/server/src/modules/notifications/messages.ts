import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'notifications.footer':
    'Messaggio del {city}. Lo trovi anche nella tua area personale: {url}. Puoi scegliere come ricevere i messaggi nelle preferenze del profilo.',
  'notifications.message-missing': 'Questo messaggio non esiste o non è tuo.',
  'notifications.legal-needs-channel':
    'per questo argomento serve almeno un canale: alcuni messaggi hanno valore legale',
  'notifications.quiet-hours-pair': 'indica sia l’inizio sia la fine della fascia di silenzio',
  'notifications.rule-missing': 'Questa regola non esiste.',
  'notifications.push-not-configured': 'Le notifiche push non sono disponibili.',
  'notifications.delivery-not-failed': 'Questa consegna non è tra quelle non riuscite.',
})

registerMessages('en', {
  'notifications.footer':
    'A message from {city}. You also find it in your personal area: {url}. You can choose how to receive messages in your profile preferences.',
  'notifications.message-missing': 'This message does not exist or is not yours.',
  'notifications.legal-needs-channel':
    'this topic needs at least one channel: some of its messages have legal value',
  'notifications.quiet-hours-pair': 'give both the start and the end of the quiet hours',
  'notifications.rule-missing': 'This rule does not exist.',
  'notifications.push-not-configured': 'Push notifications are not available.',
  'notifications.delivery-not-failed': 'This delivery is not among the failed ones.',
})
