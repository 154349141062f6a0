import { z } from 'zod'
import type { Locale } from '../../platform/i18n.js'
import { registerTemplate } from '../notifications/templates.js'

/** The messages identity sends through the notifications capability. */
export const WELCOME_TEMPLATE = 'identity.welcome'
export const CONTACT_VERIFIED_TEMPLATE = 'identity.contact-verified'

const PERSONAL_AREA = '/area-personale'
const PROFILE = '/area-personale/profilo'

registerTemplate({
  id: WELCOME_TEMPLATE,
  topic: 'account',
  legal: false,
  params: z.object({ givenName: z.string() }),
  render(locale: Locale, params, city) {
    const name = params.givenName.trim()
    if (locale === 'en') {
      const greeting = name ? `Welcome, ${name}` : 'Welcome'
      return {
        subject: `${greeting}: your personal area at ${city.name}`,
        bodyMarkdown: `${greeting}!\n\nIn your personal area you find your registry data and your family's, your documents and permits with their expiry dates, payments and appointments.\n\nAdd and confirm an e-mail address or a mobile number in your profile to be reminded of deadlines before they come.`,
        sms: `${greeting} to your personal area at ${city.name}.`,
        push: { title: greeting, body: 'Your personal area is ready.' },
        actionLabel: 'Open your personal area',
      }
    }
    const greeting = name ? `Benvenuto, ${name}` : 'Benvenuto'
    return {
      subject: `${greeting}: la tua area personale del ${city.name}`,
      bodyMarkdown: `${greeting}!\n\nNella tua area personale trovi i tuoi dati anagrafici e quelli della tua famiglia, i documenti e i permessi con le loro scadenze, i pagamenti e gli appuntamenti.\n\nAggiungi e conferma un indirizzo e-mail o un numero di cellulare nel profilo per ricevere i promemoria prima delle scadenze.`,
      sms: `${greeting} nella tua area personale del ${city.name}.`,
      push: { title: greeting, body: 'La tua area personale è pronta.' },
      actionLabel: 'Apri la tua area personale',
    }
  },
})

registerTemplate({
  id: CONTACT_VERIFIED_TEMPLATE,
  topic: 'account',
  legal: false,
  params: z.object({ channel: z.enum(['email', 'sms']), value: z.string() }),
  render(locale: Locale, params) {
    const email = params.channel === 'email'
    if (locale === 'en') {
      const what = email ? `The e-mail address ${params.value}` : `The mobile number ${params.value}`
      return {
        subject: email ? 'Your e-mail address is confirmed' : 'Your mobile number is confirmed',
        bodyMarkdown: `${what} is now confirmed: the city's messages and reminders will reach you there, as you choose in your profile.\n\nIf you did not make this change, sign in and change it in your profile, or call the contact centre.`,
        sms: `${what} is confirmed for the city's messages.`,
        push: { title: 'Contact confirmed', body: `${what} is confirmed.` },
        actionLabel: 'Your profile',
      }
    }
    const what = email ? `L’indirizzo e-mail ${params.value}` : `Il numero di cellulare ${params.value}`
    return {
      subject: email ? 'Il tuo indirizzo e-mail è confermato' : 'Il tuo numero di cellulare è confermato',
      bodyMarkdown: `${what} ora è confermato: i messaggi e i promemoria del Comune ti arriveranno lì, come scegli nel profilo.\n\nSe non hai fatto tu questa modifica, accedi e cambiala nel profilo, oppure chiama il contact center.`,
      sms: `${what} è confermato per i messaggi del Comune.`,
      push: { title: 'Contatto confermato', body: `${what} è confermato.` },
      actionLabel: 'Il tuo profilo',
    }
  },
})

export const WELCOME_ACTION = PERSONAL_AREA
export const CONTACT_VERIFIED_ACTION = PROFILE
