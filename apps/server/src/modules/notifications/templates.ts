import type { z } from 'zod'
import type { Locale } from '../../platform/i18n.js'

/** What messages are about; citizens choose channels per topic. */
export const TOPICS = [
  'account',
  'deadlines',
  'payments',
  'appointments',
  'certificates',
  'tickets',
  'reports',
  'city',
] as const
export type Topic = (typeof TOPICS)[number]

/** The words of one message in one language, for every channel. */
export interface RenderedMessage {
  subject: string
  /** Markdown; rendered to safe HTML for the inbox and e-mail (raw HTML is never passed through). */
  bodyMarkdown: string
  /** At most 160 characters: one SMS. */
  sms: string
  push: { title: string; body: string }
  /** The words of the message's action button, when the sender gives it a link. */
  actionLabel?: string
}

export interface NotificationTemplate<Params = unknown> {
  /** `<capability>.<event>`, e.g. `registry.document-expiring`. */
  id: string
  topic: Topic
  /** Legal messages reach the citizen whatever their preferences (on the channels they keep). */
  legal: boolean
  params: z.ZodType<Params>
  render(locale: Locale, params: Params, city: { name: string }): RenderedMessage
}

const templates = new Map<string, NotificationTemplate>()

/** Each capability registers the templates of its events at load time. */
export function registerTemplate<Params>(template: NotificationTemplate<Params>): void {
  if (templates.has(template.id)) throw new Error(`template ${template.id} registered twice`)
  templates.set(template.id, template as unknown as NotificationTemplate)
}

export class UnknownTemplateError extends Error {}

export function findTemplate(id: string): NotificationTemplate {
  const template = templates.get(id)
  if (!template) throw new UnknownTemplateError(`no notification template ${id}`)
  return template
}

/** One SMS: cut on a word boundary with an ellipsis when the text is longer. */
export function oneSms(text: string): string {
  if (text.length <= 160) return text
  const cut = text.slice(0, 159)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 120))}…`
}
