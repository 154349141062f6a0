import { registerMessages } from '../../platform/i18n.js'

/** Why a sign-in did not go through, in words the citizen can act on. */
registerMessages('it', {
  'identity.login.attemptUnknown':
    'Questa richiesta di accesso non è valida o non esiste più. Torna alla pagina di accesso e riprova.',
  'identity.login.attemptUsed':
    'Questa richiesta di accesso è già stata usata: per sicurezza ogni richiesta vale una volta sola. Accedi di nuovo.',
  'identity.login.attemptExpired':
    'La richiesta di accesso è scaduta perché sono passati più di 10 minuti. Accedi di nuovo.',
  'identity.login.otherBrowser':
    'Questa richiesta di accesso è stata avviata da un altro browser. Per sicurezza accedi di nuovo da qui.',
  'identity.login.cancelled': 'L’accesso è stato annullato. Puoi riprovare quando vuoi.',
  'identity.login.providerRefused':
    'Il gestore dell’identità non ha completato l’accesso. Riprova tra qualche minuto.',
  'identity.login.exchangeFailed':
    'Non è stato possibile verificare la risposta del gestore dell’identità. Accedi di nuovo.',
  'identity.login.providerUnavailable': 'Il servizio di accesso non risponde. Riprova tra qualche minuto.',
  'identity.login.levelTooLow':
    'Questo accesso richiede il livello {requiredLevel}, ma hai usato il livello {grantedLevel}. Accedi di nuovo con SPID di livello {requiredLevel} o con CIE.',
  'identity.login.levelMissing':
    'Il gestore dell’identità non ha indicato il livello dell’accesso. Accedi di nuovo con SPID o con CIE.',
  'identity.login.fiscalCodeInvalid':
    'Il gestore dell’identità non ha fornito un codice fiscale valido, quindi non è possibile accedere. Contatta il tuo gestore SPID o usa la CIE.',
  'identity.login.staffNotAllowed':
    'Questa utenza non è abilitata al back office del Comune. Rivolgiti all’amministratore del sistema.',
})

registerMessages('en', {
  'identity.login.attemptUnknown':
    'This sign-in request is not valid or no longer exists. Go back to the sign-in page and try again.',
  'identity.login.attemptUsed':
    'This sign-in request has already been used: for your security each one works only once. Please sign in again.',
  'identity.login.attemptExpired': 'The sign-in request expired after 10 minutes. Please sign in again.',
  'identity.login.otherBrowser':
    'This sign-in request was started in another browser. For your security, please sign in again from here.',
  'identity.login.cancelled': 'Sign-in was cancelled. You can try again whenever you like.',
  'identity.login.providerRefused':
    'The identity provider did not complete the sign-in. Try again in a few minutes.',
  'identity.login.exchangeFailed':
    'The identity provider’s answer could not be verified. Please sign in again.',
  'identity.login.providerUnavailable': 'The sign-in service is not responding. Try again in a few minutes.',
  'identity.login.levelTooLow':
    'This sign-in needs level {requiredLevel}, but you used level {grantedLevel}. Sign in again with SPID level {requiredLevel} or with CIE.',
  'identity.login.levelMissing':
    'The identity provider did not state the sign-in level. Sign in again with SPID or CIE.',
  'identity.login.fiscalCodeInvalid':
    'The identity provider did not send a valid fiscal code, so you cannot sign in. Contact your SPID provider or use CIE.',
  'identity.login.staffNotAllowed':
    'This account may not use the city’s back office. Ask the system administrator.',
})
