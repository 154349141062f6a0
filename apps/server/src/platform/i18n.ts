export const LOCALES = ['it', 'en'] as const
export type Locale = (typeof LOCALES)[number]

type Catalogue = Record<string, string>

const catalogues: Record<Locale, Catalogue> = {
  it: {
    'problem.VALIDATION_FAILED.title': 'Dati non validi',
    'problem.VALIDATION_FAILED.detail': 'Alcuni dati inviati non sono validi: controlla i campi indicati.',
    'problem.MALFORMED_BODY.title': 'Richiesta non leggibile',
    'problem.MALFORMED_BODY.detail': 'Il contenuto della richiesta non è JSON valido.',
    'problem.UNSUPPORTED_MEDIA_TYPE.title': 'Formato non supportato',
    'problem.UNSUPPORTED_MEDIA_TYPE.detail': 'Il formato del contenuto inviato non è supportato.',
    'problem.PAYLOAD_TOO_LARGE.title': 'Richiesta troppo grande',
    'problem.PAYLOAD_TOO_LARGE.detail': 'Il contenuto inviato supera la dimensione massima consentita.',
    'problem.ROUTE_NOT_FOUND.title': 'Pagina non trovata',
    'problem.ROUTE_NOT_FOUND.detail': 'L’indirizzo richiesto non esiste.',
    'problem.NOT_FOUND.title': 'Non trovato',
    'problem.NOT_FOUND.detail': 'L’elemento richiesto non esiste o non è più disponibile.',
    'problem.METHOD_NOT_ALLOWED.title': 'Operazione non consentita',
    'problem.METHOD_NOT_ALLOWED.detail': 'Questa operazione non è disponibile per l’indirizzo richiesto.',
    'problem.UNAUTHENTICATED.title': 'Accesso richiesto',
    'problem.UNAUTHENTICATED.detail': 'Per continuare devi accedere con SPID o CIE.',
    'problem.FORBIDDEN.title': 'Accesso negato',
    'problem.FORBIDDEN.detail': 'Non hai i permessi per questa operazione.',
    'problem.STEP_UP_REQUIRED.title': 'Livello di accesso insufficiente',
    'problem.STEP_UP_REQUIRED.detail':
      'Questa operazione richiede un accesso di livello {requiredLevel}: accedi di nuovo con SPID di livello {requiredLevel} o con CIE.',
    'problem.CSRF_FAILED.title': 'Richiesta non verificata',
    'problem.CSRF_FAILED.detail':
      'La richiesta non porta il codice di sicurezza della sessione. Ricarica la pagina e riprova.',
    'problem.CONFLICT.title': 'Conflitto',
    'problem.CONFLICT.detail': 'L’operazione è in conflitto con dati già presenti.',
    'problem.RATE_LIMITED.title': 'Troppe richieste',
    'problem.RATE_LIMITED.detail': 'Hai fatto troppe richieste in poco tempo. Riprova tra qualche istante.',
    'problem.SERVICE_UNAVAILABLE.title': 'Servizio non disponibile',
    'problem.SERVICE_UNAVAILABLE.detail': 'Il servizio è momentaneamente non disponibile. Riprova tra poco.',
    'problem.INTERNAL.title': 'Errore interno',
    'problem.INTERNAL.detail':
      'Si è verificato un errore imprevisto. Se il problema persiste, comunica il codice di riferimento {correlationId}.',
    'validation.required': 'campo obbligatorio',
    'validation.invalid_type': 'tipo non valido',
    'validation.too_small': 'valore troppo corto o troppo piccolo',
    'validation.too_big': 'valore troppo lungo o troppo grande',
    'validation.invalid_format': 'formato non valido',
    'validation.invalid_value': 'valore non ammesso',
    'validation.unrecognized_keys': 'campi non previsti',
    'validation.custom': 'valore non valido',
  },
  en: {
    'problem.VALIDATION_FAILED.title': 'Invalid data',
    'problem.VALIDATION_FAILED.detail': 'Some of the data sent is not valid: check the fields listed.',
    'problem.MALFORMED_BODY.title': 'Unreadable request',
    'problem.MALFORMED_BODY.detail': 'The request body is not valid JSON.',
    'problem.UNSUPPORTED_MEDIA_TYPE.title': 'Unsupported format',
    'problem.UNSUPPORTED_MEDIA_TYPE.detail': 'The format of the content sent is not supported.',
    'problem.PAYLOAD_TOO_LARGE.title': 'Request too large',
    'problem.PAYLOAD_TOO_LARGE.detail': 'The content sent is larger than the maximum allowed.',
    'problem.ROUTE_NOT_FOUND.title': 'Page not found',
    'problem.ROUTE_NOT_FOUND.detail': 'The requested address does not exist.',
    'problem.NOT_FOUND.title': 'Not found',
    'problem.NOT_FOUND.detail': 'The requested item does not exist or is no longer available.',
    'problem.METHOD_NOT_ALLOWED.title': 'Operation not allowed',
    'problem.METHOD_NOT_ALLOWED.detail': 'This operation is not available at the requested address.',
    'problem.UNAUTHENTICATED.title': 'Sign-in required',
    'problem.UNAUTHENTICATED.detail': 'Sign in with SPID or CIE to continue.',
    'problem.FORBIDDEN.title': 'Access denied',
    'problem.FORBIDDEN.detail': 'You are not allowed to do this.',
    'problem.STEP_UP_REQUIRED.title': 'Higher sign-in level needed',
    'problem.STEP_UP_REQUIRED.detail':
      'This operation needs a level {requiredLevel} sign-in: sign in again with SPID level {requiredLevel} or with CIE.',
    'problem.CSRF_FAILED.title': 'Unverified request',
    'problem.CSRF_FAILED.detail':
      'The request lacks the session’s security code. Reload the page and try again.',
    'problem.CONFLICT.title': 'Conflict',
    'problem.CONFLICT.detail': 'The operation conflicts with data already stored.',
    'problem.RATE_LIMITED.title': 'Too many requests',
    'problem.RATE_LIMITED.detail': 'You made too many requests in a short time. Try again in a moment.',
    'problem.SERVICE_UNAVAILABLE.title': 'Service unavailable',
    'problem.SERVICE_UNAVAILABLE.detail': 'The service is temporarily unavailable. Try again shortly.',
    'problem.INTERNAL.title': 'Internal error',
    'problem.INTERNAL.detail':
      'Something unexpected went wrong. If it keeps happening, quote the reference code {correlationId}.',
    'validation.required': 'required field',
    'validation.invalid_type': 'wrong type',
    'validation.too_small': 'value too short or too small',
    'validation.too_big': 'value too long or too large',
    'validation.invalid_format': 'invalid format',
    'validation.invalid_value': 'value not allowed',
    'validation.unrecognized_keys': 'unexpected fields',
    'validation.custom': 'invalid value',
  },
}

/** Modules add their own messages at load time, keeping each capability's wording beside its code. */
export function registerMessages(locale: Locale, messages: Catalogue): void {
  Object.assign(catalogues[locale], messages)
}

export function hasMessage(locale: Locale, key: string): boolean {
  return key in catalogues[locale]
}

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = catalogues[locale][key] ?? catalogues.it[key] ?? key
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

/** Picks the best supported language from an Accept-Language header, honouring q-values. */
export function negotiateLocale(header: string | undefined, fallback: Locale): Locale {
  if (!header) return fallback
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, position) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const quality = q ? Number.parseFloat(q.slice(2)) : 1
      return {
        language: tag.toLowerCase().split('-')[0] ?? '',
        quality: Number.isNaN(quality) ? 0 : quality,
        position,
      }
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.position - b.position)
  for (const entry of ranked) {
    if ((LOCALES as readonly string[]).includes(entry.language)) return entry.language as Locale
  }
  return fallback
}
