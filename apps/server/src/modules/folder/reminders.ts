import { z } from 'zod'
import { inTransaction } from '../../db/transaction.js'
import { formatLongDate } from '../../platform/format.js'
import type { Locale } from '../../platform/i18n.js'
import { type ProactiveRule, registerRule } from '../notifications/rules.js'
import { notifyCitizen } from '../notifications/service.js'
import { oneSms, registerTemplate } from '../notifications/templates.js'
import { dayNumberFromIso, isoFromDayNumber } from '../registry/calendar-days.js'
import { listRecordsExpiringBetween } from '../registry/service.js'

const EXPIRING_KINDS = [
  'identity-card',
  'resident-parking-permit',
  'area-b-exemption',
  'area-c-pass',
] as const
type ExpiringKind = (typeof EXPIRING_KINDS)[number]

export const DOCUMENT_EXPIRING_TEMPLATE = 'folder.document-expiring'

const ZExpiringParams = z.object({
  kind: z.enum(EXPIRING_KINDS),
  reference: z.string(),
  validUntil: z.iso.date(),
})

/** The service page each reminder points to, where the citizen renews. */
const RENEWAL_PAGES: Record<ExpiringKind, string> = {
  'identity-card': '/servizi/carta-identita-elettronica',
  'resident-parking-permit': '/servizi/permesso-sosta-residenti',
  'area-b-exemption': '/servizi/area-b',
  'area-c-pass': '/servizi/area-c',
}

const WORDS: Record<
  Locale,
  Record<ExpiringKind, { name: string; what: (reference: string) => string; todo: string }>
> = {
  it: {
    'identity-card': {
      name: "La tua carta d'identità",
      what: (reference) => `La carta d'identità numero ${reference}`,
      todo: "Puoi chiedere il rinnovo fino a 180 giorni prima: prenota un appuntamento all'anagrafe.",
    },
    'resident-parking-permit': {
      name: 'Il tuo permesso di sosta residenti',
      what: (reference) => `Il permesso di sosta residenti ${reference}`,
      todo: 'Rinnovalo online per continuare a sostare nel tuo ambito.',
    },
    'area-b-exemption': {
      name: 'La tua deroga Area B',
      what: (reference) => `La deroga Area B ${reference}`,
      todo: 'Se ti serve ancora, chiedi il rinnovo prima della scadenza.',
    },
    'area-c-pass': {
      name: 'I tuoi ingressi gratuiti in Area C',
      what: (reference) => `Gli ingressi gratuiti in Area C per la targa ${reference}`,
      todo: "Gli ingressi non usati non passano all'anno successivo.",
    },
  },
  en: {
    'identity-card': {
      name: 'Your identity card',
      what: (reference) => `Identity card number ${reference}`,
      todo: 'You can ask to renew it up to 180 days ahead: book an appointment at the registry office.',
    },
    'resident-parking-permit': {
      name: "Your residents' parking permit",
      what: (reference) => `Residents' parking permit ${reference}`,
      todo: 'Renew it online to keep parking in your zone.',
    },
    'area-b-exemption': {
      name: 'Your Area B exemption',
      what: (reference) => `Area B exemption ${reference}`,
      todo: 'If you still need it, ask for a renewal before it ends.',
    },
    'area-c-pass': {
      name: 'Your free Area C entries',
      what: (reference) => `The free Area C entries for plate ${reference}`,
      todo: 'Unused entries do not carry over to next year.',
    },
  },
}

registerTemplate({
  id: DOCUMENT_EXPIRING_TEMPLATE,
  topic: 'deadlines',
  legal: false,
  params: ZExpiringParams,
  render(locale, params) {
    const words = WORDS[locale][params.kind]
    const date = formatLongDate(params.validUntil, locale)
    const subject = locale === 'en' ? `${words.name} expires on ${date}` : `${words.name} scade il ${date}`
    const ends = locale === 'en' ? `expires on **${date}**.` : `scade il **${date}**.`
    return {
      subject,
      bodyMarkdown: `${words.what(params.reference)} ${ends}\n\n${words.todo}`,
      sms: oneSms(subject),
      push: { title: subject, body: words.todo },
      actionLabel: locale === 'en' ? 'How to renew' : 'Come rinnovare',
    }
  },
})

/**
 * A reminder some days before a document or permit ends. Records ending within the last week of the
 * window are included, so a day the rule did not run is caught up; dedupe keys make each reminder once.
 */
function expiryRule(
  id: string,
  kinds: readonly ExpiringKind[],
  daysBefore: number,
  title: ProactiveRule['title'],
): ProactiveRule {
  return {
    id,
    title,
    async run(ctx) {
      const today = dayNumberFromIso(ctx.today)
      const from = isoFromDayNumber(today + Math.max(1, daysBefore - 6))
      const to = isoFromDayNumber(today + daysBefore)
      let afterId: string | undefined
      let created = 0
      for (;;) {
        const page = await listRecordsExpiringBetween(ctx.db, { kinds, from, to, afterId, limit: 500 })
        if (page.length === 0) break
        afterId = page.at(-1)?.recordId
        created += await inTransaction(ctx.db, async (tx) => {
          let count = 0
          for (const record of page) {
            const result = await notifyCitizen(tx, ctx.notify, {
              recipientFiscalCode: record.fiscalCode,
              template: DOCUMENT_EXPIRING_TEMPLATE,
              params: { kind: record.kind, reference: record.reference, validUntil: record.validUntil },
              dedupeKey: `rule:${id}:${record.recordId}:${record.validUntil}`,
              dueDate: record.validUntil,
              action: { url: RENEWAL_PAGES[record.kind as ExpiringKind] },
            })
            if (result.created) count++
          }
          return count
        })
      }
      return created
    },
  }
}

/** Which records are reminded of, how many days ahead. */
const EXPIRY_REMINDERS: {
  id: string
  kind: ExpiringKind
  daysBefore: number
  title: ProactiveRule['title']
}[] = [
  {
    id: 'identity-card-expiring-90',
    kind: 'identity-card',
    daysBefore: 90,
    title: { it: "Carta d'identità in scadenza tra 90 giorni", en: 'Identity card expiring in 90 days' },
  },
  {
    id: 'identity-card-expiring-30',
    kind: 'identity-card',
    daysBefore: 30,
    title: { it: "Carta d'identità in scadenza tra 30 giorni", en: 'Identity card expiring in 30 days' },
  },
  {
    id: 'parking-permit-expiring-30',
    kind: 'resident-parking-permit',
    daysBefore: 30,
    title: {
      it: 'Permesso di sosta residenti in scadenza tra 30 giorni',
      en: "Residents' parking permit expiring in 30 days",
    },
  },
  {
    id: 'area-b-exemption-expiring-30',
    kind: 'area-b-exemption',
    daysBefore: 30,
    title: { it: 'Deroga Area B in scadenza tra 30 giorni', en: 'Area B exemption expiring in 30 days' },
  },
  {
    id: 'area-c-pass-expiring-15',
    kind: 'area-c-pass',
    daysBefore: 15,
    title: {
      it: 'Ingressi gratuiti Area C in scadenza tra 15 giorni',
      en: 'Free Area C entries expiring in 15 days',
    },
  },
]

for (const reminder of EXPIRY_REMINDERS) {
  registerRule(expiryRule(reminder.id, [reminder.kind], reminder.daysBefore, reminder.title))
}
