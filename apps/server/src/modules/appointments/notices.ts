import { z } from 'zod'
import type { Locale } from '../../platform/i18n.js'
import { oneSms, registerTemplate } from '../notifications/templates.js'

export const APPOINTMENT_TEMPLATES = {
  booked: 'appointments.booked',
  rescheduled: 'appointments.rescheduled',
  cancelled: 'appointments.cancelled',
  tomorrow: 'appointments.tomorrow',
  offered: 'appointments.offered',
} as const

const ZAppointmentParams = z.object({
  service: z.string(),
  office: z.string(),
  address: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  code: z.string(),
  documents: z.array(z.string()).default([]),
  /** For offers: until when the held slot waits. */
  heldUntil: z.iso.datetime({ offset: true }).optional(),
  /** The manage link with its secret, written in the text so the e-mail carries it. */
  manageUrl: z.url().optional(),
})

/** What the words need: the parameters with the times worded in the recipient's language. */
type AppointmentParams = z.infer<typeof ZAppointmentParams> & { when: string; until: string }

const wordings = new Map<Locale, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>()

/** "martedì 8 dicembre 2026, 10:20" — how a citizen says when, in Rome's time. */
export function wordAppointmentTime(moment: Date, locale: Locale): { when: string; time: string } {
  let formats = wordings.get(locale)
  if (!formats) {
    const tag = locale === 'en' ? 'en-GB' : 'it-IT'
    formats = {
      day: new Intl.DateTimeFormat(tag, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Rome',
      }),
      time: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' }),
    }
    wordings.set(locale, formats)
  }
  const time = formats.time.format(moment)
  return { when: `${formats.day.format(moment)}, ${time}`, time }
}

interface Words {
  subject: (p: AppointmentParams) => string
  lead: (p: AppointmentParams) => string
  sms: (p: AppointmentParams) => string
  pushTitle: string
  action: string
}

const documentsList = (locale: Locale, documents: readonly string[]) =>
  documents.length === 0
    ? ''
    : `\n\n${locale === 'en' ? 'Please bring:' : 'Porta con te:'}\n${documents.map((item) => `- ${item}`).join('\n')}`

const details = (locale: Locale, p: AppointmentParams) =>
  locale === 'en'
    ? `**${p.service}**, ${p.when}\n\n${p.office}, ${p.address}\n\nBooking code: **${p.code}**`
    : `**${p.service}**, ${p.when}\n\n${p.office}, ${p.address}\n\nCodice prenotazione: **${p.code}**`

function registerAppointmentTemplate(
  id: string,
  words: Record<Locale, Words>,
  options: { withDocuments: boolean },
) {
  registerTemplate({
    id,
    topic: 'appointments',
    legal: false,
    params: ZAppointmentParams,
    render(locale: Locale, raw) {
      const w = words[locale] ?? words.it
      const params: AppointmentParams = {
        ...raw,
        when: wordAppointmentTime(new Date(raw.startsAt), locale).when,
        until: raw.heldUntil ? wordAppointmentTime(new Date(raw.heldUntil), locale).time : '',
      }
      const documents = options.withDocuments ? documentsList(locale, params.documents) : ''
      const manage = params.manageUrl
        ? `\n\n${locale === 'en' ? 'To move or cancel it' : 'Per spostarlo o annullarlo'}: [${w.action}](${params.manageUrl})`
        : ''
      return {
        subject: w.subject(params),
        bodyMarkdown: `${w.lead(params)}\n\n${details(locale, params)}${documents}${manage}`,
        sms: oneSms(w.sms(params)),
        push: { title: w.pushTitle, body: `${params.service}, ${params.when}` },
        actionLabel: w.action,
      }
    },
  })
}

registerAppointmentTemplate(
  APPOINTMENT_TEMPLATES.booked,
  {
    it: {
      subject: (p) => `Appuntamento confermato: ${p.service}, ${p.when}`,
      lead: () =>
        'Il tuo appuntamento è confermato. Al tuo arrivo, mostra il codice o il QR code allo sportello. Dal link qui sotto puoi spostarlo o annullarlo.',
      sms: (p) => `Appuntamento confermato: ${p.service}, ${p.when}, ${p.office}. Codice ${p.code}.`,
      pushTitle: 'Appuntamento confermato',
      action: 'Gestisci l’appuntamento',
    },
    en: {
      subject: (p) => `Appointment confirmed: ${p.service}, ${p.when}`,
      lead: () =>
        'Your appointment is confirmed. When you arrive, show the code or the QR code at the counter. From the link below you can move or cancel it.',
      sms: (p) => `Appointment confirmed: ${p.service}, ${p.when}, ${p.office}. Code ${p.code}.`,
      pushTitle: 'Appointment confirmed',
      action: 'Manage the appointment',
    },
  },
  { withDocuments: true },
)

registerAppointmentTemplate(
  APPOINTMENT_TEMPLATES.rescheduled,
  {
    it: {
      subject: (p) => `Appuntamento spostato: ${p.service}, ${p.when}`,
      lead: () => 'Il tuo appuntamento è stato spostato. Ecco il nuovo orario.',
      sms: (p) => `Appuntamento spostato: ${p.service}, ora ${p.when}, ${p.office}. Codice ${p.code}.`,
      pushTitle: 'Appuntamento spostato',
      action: 'Gestisci l’appuntamento',
    },
    en: {
      subject: (p) => `Appointment moved: ${p.service}, ${p.when}`,
      lead: () => 'Your appointment has been moved. Here is the new time.',
      sms: (p) => `Appointment moved: ${p.service}, now ${p.when}, ${p.office}. Code ${p.code}.`,
      pushTitle: 'Appointment moved',
      action: 'Manage the appointment',
    },
  },
  { withDocuments: true },
)

registerAppointmentTemplate(
  APPOINTMENT_TEMPLATES.cancelled,
  {
    it: {
      subject: (p) => `Appuntamento annullato: ${p.service}, ${p.when}`,
      lead: () => 'Il tuo appuntamento è stato annullato. Se ti serve ancora, puoi prenotarne un altro.',
      sms: (p) => `Appuntamento annullato: ${p.service}, ${p.when}. Codice ${p.code}.`,
      pushTitle: 'Appuntamento annullato',
      action: 'Prenota un nuovo appuntamento',
    },
    en: {
      subject: (p) => `Appointment cancelled: ${p.service}, ${p.when}`,
      lead: () => 'Your appointment has been cancelled. If you still need it, you can book another one.',
      sms: (p) => `Appointment cancelled: ${p.service}, ${p.when}. Code ${p.code}.`,
      pushTitle: 'Appointment cancelled',
      action: 'Book a new appointment',
    },
  },
  { withDocuments: false },
)

registerAppointmentTemplate(
  APPOINTMENT_TEMPLATES.tomorrow,
  {
    it: {
      subject: (p) => `Domani hai un appuntamento: ${p.service}, ${p.when}`,
      lead: () =>
        'Ti ricordiamo l’appuntamento di domani. Se non puoi venire, annullalo: l’orario servirà a un altro cittadino.',
      sms: (p) => `Domani: ${p.service}, ${p.when}, ${p.office}. Codice ${p.code}. Se non puoi, annulla.`,
      pushTitle: 'Appuntamento domani',
      action: 'Gestisci l’appuntamento',
    },
    en: {
      subject: (p) => `Your appointment is tomorrow: ${p.service}, ${p.when}`,
      lead: () =>
        'A reminder of your appointment tomorrow. If you cannot come, please cancel it: the time will go to another citizen.',
      sms: (p) =>
        `Tomorrow: ${p.service}, ${p.when}, ${p.office}. Code ${p.code}. Cancel if you cannot come.`,
      pushTitle: 'Appointment tomorrow',
      action: 'Manage the appointment',
    },
  },
  { withDocuments: true },
)

registerAppointmentTemplate(
  APPOINTMENT_TEMPLATES.offered,
  {
    it: {
      subject: (p) => `Si è liberato un posto: ${p.service}, ${p.when}`,
      lead: (p) =>
        `Eri in lista d’attesa: si è liberato un appuntamento e lo teniamo per te fino alle ${p.until}. Confermalo dalla tua area personale, altrimenti passerà al prossimo in lista.`,
      sms: (p) =>
        `Posto libero per te: ${p.service}, ${p.when}. Confermalo entro le ${p.until} nell’area personale.`,
      pushTitle: 'Si è liberato un posto',
      action: 'Conferma l’appuntamento',
    },
    en: {
      subject: (p) => `A place is free: ${p.service}, ${p.when}`,
      lead: (p) =>
        `You were on the waiting list: an appointment has become free and we are holding it for you until ${p.until}. Confirm it in your personal area, otherwise it goes to the next in line.`,
      sms: (p) => `A place for you: ${p.service}, ${p.when}. Confirm by ${p.until} in your personal area.`,
      pushTitle: 'A place is free',
      action: 'Confirm the appointment',
    },
  },
  { withDocuments: false },
)
