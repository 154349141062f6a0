import { z } from 'zod'
import type { Locale } from '../../platform/i18n.js'
import { oneSms, registerTemplate } from '../notifications/templates.js'
import { TICKET_STATUSES, type TicketStatus } from './policy.js'

export const TICKET_TEMPLATES = {
  received: 'ticket-received',
  reply: 'ticket-reply',
  status: 'ticket-status',
} as const
export type TicketNoticeKind = keyof typeof TICKET_TEMPLATES

/** Where the personal area lists a citizen's requests. */
export function ticketsSectionUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, '')}/area-personale?sezione=tickets`
}

/** The page of one request in the personal area: every notice's button opens it. */
export function ticketPageUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}/area-personale/richieste/${code}`
}

/** How a status reads to the person who wrote: staff-only nuances stay out of it. */
export const STATUS_WORDS: Record<Locale, Record<TicketStatus, string>> = {
  it: {
    new: 'ricevuta',
    assigned: 'presa in carico',
    'in-progress': 'in lavorazione',
    'waiting-citizen': 'in attesa di una tua risposta',
    'waiting-office': 'in lavorazione presso un altro ufficio',
    resolved: 'risolta',
    closed: 'chiusa',
  },
  en: {
    new: 'received',
    assigned: 'taken in charge',
    'in-progress': 'being worked on',
    'waiting-citizen': 'waiting for your answer',
    'waiting-office': 'being worked on by another office',
    resolved: 'resolved',
    closed: 'closed',
  },
}

const ZReceived = z.object({ code: z.string(), subject: z.string() })
const ZReply = ZReceived.extend({ excerpt: z.string() })
const ZStatus = ZReceived.extend({ status: z.enum(TICKET_STATUSES) })

interface Words<P> {
  subject: (p: P) => string
  body: (p: P) => string
  sms: (p: P) => string
  pushTitle: string
  push: (p: P) => string
}

const ACTION: Record<Locale, string> = { it: 'Vedi la richiesta', en: 'See the request' }

function registerTicketTemplate<P extends z.infer<typeof ZReceived>>(
  id: string,
  params: z.ZodType<P>,
  words: Record<Locale, Words<P>>,
) {
  registerTemplate({
    id,
    topic: 'tickets',
    legal: false,
    params,
    render(locale: Locale, p: P) {
      const w = words[locale] ?? words.it
      return {
        subject: w.subject(p),
        bodyMarkdown: w.body(p),
        sms: oneSms(w.sms(p)),
        push: { title: w.pushTitle, body: w.push(p) },
        actionLabel: ACTION[locale] ?? ACTION.it,
      }
    },
  })
}

registerTicketTemplate(TICKET_TEMPLATES.received, ZReceived, {
  it: {
    subject: (p) => `Abbiamo ricevuto la tua richiesta ${p.code}`,
    body: (p) =>
      `Abbiamo ricevuto la tua richiesta **${p.subject}**.\n\nCodice: **${p.code}**. Conservalo: ti serve per seguire la richiesta o per parlarne con il contact center 020202. Ti scriveremo quando ci saranno novità.`,
    sms: (p) => `Richiesta ricevuta, codice ${p.code}. La segui nella tua area personale.`,
    pushTitle: 'Richiesta ricevuta',
    push: (p) => `${p.code}: ${p.subject}`,
  },
  en: {
    subject: (p) => `We have received your request ${p.code}`,
    body: (p) =>
      `We have received your request **${p.subject}**.\n\nCode: **${p.code}**. Keep it: you need it to follow the request or to talk about it with the 020202 contact centre. We will write to you when there is news.`,
    sms: (p) => `Request received, code ${p.code}. Follow it in your personal area.`,
    pushTitle: 'Request received',
    push: (p) => `${p.code}: ${p.subject}`,
  },
})

registerTicketTemplate(TICKET_TEMPLATES.reply, ZReply, {
  it: {
    subject: (p) => `Risposta alla tua richiesta ${p.code}`,
    body: (p) =>
      `Il Comune ha risposto alla tua richiesta **${p.subject}** (${p.code}):\n\n> ${p.excerpt.replace(/\n/g, '\n> ')}\n\nLeggi la risposta completa e, se serve, rispondi dalla tua area personale.`,
    sms: (p) => `Il Comune ha risposto alla richiesta ${p.code}. Leggi la risposta nella tua area personale.`,
    pushTitle: 'Nuova risposta',
    push: (p) => `${p.code}: ${p.subject}`,
  },
  en: {
    subject: (p) => `Reply to your request ${p.code}`,
    body: (p) =>
      `The city has replied to your request **${p.subject}** (${p.code}):\n\n> ${p.excerpt.replace(/\n/g, '\n> ')}\n\nRead the full reply and, if needed, answer it from your personal area.`,
    sms: (p) => `The city has replied to request ${p.code}. Read it in your personal area.`,
    pushTitle: 'New reply',
    push: (p) => `${p.code}: ${p.subject}`,
  },
})

registerTicketTemplate(TICKET_TEMPLATES.status, ZStatus, {
  it: {
    subject: (p) => `La tua richiesta ${p.code} è ${STATUS_WORDS.it[p.status]}`,
    body: (p) =>
      `La tua richiesta **${p.subject}** (${p.code}) ora è **${STATUS_WORDS.it[p.status]}**.${
        p.status === 'waiting-citizen'
          ? '\n\nPer andare avanti ci serve una tua risposta: scrivila dalla tua area personale.'
          : p.status === 'resolved'
            ? '\n\nSe il problema non è risolto, rispondi alla richiesta: la riapriremo.'
            : ''
      }`,
    sms: (p) => `Richiesta ${p.code}: ${STATUS_WORDS.it[p.status]}. Dettagli nella tua area personale.`,
    pushTitle: 'Richiesta aggiornata',
    push: (p) => `${p.code}: ${STATUS_WORDS.it[p.status]}`,
  },
  en: {
    subject: (p) => `Your request ${p.code} is ${STATUS_WORDS.en[p.status]}`,
    body: (p) =>
      `Your request **${p.subject}** (${p.code}) is now **${STATUS_WORDS.en[p.status]}**.${
        p.status === 'waiting-citizen'
          ? '\n\nWe need your answer to go on: write it from your personal area.'
          : p.status === 'resolved'
            ? '\n\nIf the problem is not solved, answer the request: we will reopen it.'
            : ''
      }`,
    sms: (p) => `Request ${p.code}: ${STATUS_WORDS.en[p.status]}. Details in your personal area.`,
    pushTitle: 'Request updated',
    push: (p) => `${p.code}: ${STATUS_WORDS.en[p.status]}`,
  },
})
