import { z } from 'zod'
import { LOCALES } from '../../platform/i18n.js'

export const ACTION_KINDS = ['appointment', 'payment', 'certificate', 'service'] as const

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(120)
const shortText = z.string().trim().min(3).max(300)
const phrasings = z.array(shortText).max(30)
const markdown = z.string().trim().min(1).max(4_000)

export const ZAssistantAction = z
  .object({
    kind: z.enum(ACTION_KINDS),
    /** A service slug, an appointment service code, a payment kind or a certificate type. */
    target: z.string().trim().min(1).max(200),
    labelIt: z.string().trim().min(1).max(80).optional(),
    labelEn: z.string().trim().min(1).max(80).optional(),
  })
  .strict()
  .meta({ id: 'AssistantAction' })

export const ZEntryId = z.object({ id: z.uuid() })
export const ZTopic = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(60)

export const ZEntryInput = z
  .object({
    topic: ZTopic,
    questionIt: shortText,
    questionEn: shortText.optional(),
    phrasingsIt: phrasings.default([]),
    phrasingsEn: phrasings.default([]),
    answerIt: markdown,
    answerEn: markdown.optional(),
    serviceSlugs: z.array(slug).max(10).default([]),
    actions: z.array(ZAssistantAction).max(6).default([]),
    published: z.boolean().default(false),
  })
  .strict()
export type EntryInput = z.infer<typeof ZEntryInput>

export const ZEntryUpdate = z
  .object({
    topic: ZTopic.optional(),
    questionIt: shortText.optional(),
    questionEn: shortText.nullable().optional(),
    phrasingsIt: phrasings.optional(),
    phrasingsEn: phrasings.optional(),
    answerIt: markdown.optional(),
    answerEn: markdown.nullable().optional(),
    serviceSlugs: z.array(slug).max(10).optional(),
    actions: z.array(ZAssistantAction).max(6).optional(),
    published: z.boolean().optional(),
  })
  .strict()
export type EntryUpdate = z.infer<typeof ZEntryUpdate>

export const ZEntry = z
  .object({
    id: z.uuid(),
    topic: z.string(),
    questionIt: z.string(),
    questionEn: z.string().nullable(),
    phrasingsIt: z.array(z.string()),
    phrasingsEn: z.array(z.string()),
    answerIt: z.string(),
    answerEn: z.string().nullable(),
    serviceSlugs: z.array(z.string()),
    actions: z.array(ZAssistantAction),
    published: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AssistantEntry' })
export type Entry = z.infer<typeof ZEntry>

export const ZEntryList = z.object({ items: z.array(ZEntry) })
export const ZEntryListQuery = z
  .object({ topic: ZTopic.optional(), published: z.enum(['true', 'false']).optional() })
  .strict()

export const ZSynonymInput = z
  .object({
    language: z.enum(LOCALES).default('it'),
    terms: z.array(z.string().trim().min(2).max(80)).min(2).max(10),
  })
  .strict()
export type SynonymInput = z.infer<typeof ZSynonymInput>
export const ZSynonym = z
  .object({ id: z.uuid(), language: z.enum(LOCALES), terms: z.array(z.string()) })
  .meta({ id: 'AssistantSynonym' })
export const ZSynonymList = z.object({ items: z.array(ZSynonym) })

/** An answer as the conversation shows it, in the asker's language when the entry has it. */
export const ZAnswer = z
  .object({
    entryId: z.uuid(),
    language: z.enum(LOCALES),
    question: z.string(),
    answerMarkdown: z.string(),
    /** The answer as safe HTML (raw HTML in the markdown is shown as text). */
    answerHtml: z.string(),
    serviceSlugs: z.array(z.string()),
    actions: z.array(ZAssistantAction),
  })
  .meta({ id: 'AssistantAnswer' })
export type Answer = z.infer<typeof ZAnswer>

export const ZSessionStart = z.object({ locale: z.enum(LOCALES).optional() }).strict()
export const ZSessionStarted = z
  .object({ sessionId: z.uuid(), locale: z.enum(LOCALES), greeting: z.string(), retentionDays: z.number() })
  .meta({ id: 'AssistantSessionStarted' })
export const ZSessionParams = z.object({ id: z.uuid() })
export const ZQuestionParams = z.object({ id: z.uuid(), questionId: z.uuid() })

export const ZAskInput = z.object({ text: z.string().trim().min(2).max(500) }).strict()
export const ZReply = z
  .object({
    questionId: z.uuid(),
    understood: z.boolean(),
    message: z.string(),
    answer: ZAnswer.nullable(),
    alternatives: z.array(z.object({ entryId: z.uuid(), question: z.string() })),
    /** True when the assistant suggests talking to a person. */
    handOffOffered: z.boolean(),
  })
  .meta({ id: 'AssistantReply' })
export type Reply = z.infer<typeof ZReply>

export const ZFeedbackInput = z.object({ helpful: z.boolean() }).strict()

export const ZHandOffInput = z
  .object({
    /** What the person still needs; the last question when left out. */
    question: z.string().trim().min(2).max(2_000).optional(),
    /** Without SPID or CIE: an address verified with the e-mail code of "Scrivi al Comune". */
    email: z.email().optional(),
    proof: z.string().min(10).max(200).optional(),
  })
  .strict()
export type HandOffInput = z.infer<typeof ZHandOffInput>

export const ZHandOffResult = z
  .discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('ticket'), ticketCode: z.string(), created: z.boolean() }),
    z.object({
      outcome: z.literal('contact-centre'),
      message: z.string(),
      phone: z.string(),
      hours: z.string(),
    }),
  ])
  .meta({ id: 'AssistantHandOff' })
export type HandOffResult = z.infer<typeof ZHandOffResult>

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)
export const ZFiguresQuery = z.object({ from: month, to: month }).strict()
export const ZMonthFigures = z
  .object({
    month: z.string(),
    sessions: z.number().int(),
    questions: z.number().int(),
    unanswered: z.number().int(),
    helpful: z.number().int(),
    notHelpful: z.number().int(),
    handOffs: z.number().int(),
  })
  .meta({ id: 'AssistantMonthFigures' })
export type MonthFigures = z.infer<typeof ZMonthFigures>
export const ZFigures = z.object({ months: z.array(ZMonthFigures) })

export const ZUnansweredGroup = z
  .object({
    normalizedText: z.string(),
    example: z.string(),
    count: z.number().int(),
    lastAskedAt: z.iso.datetime(),
  })
  .meta({ id: 'AssistantUnansweredGroup' })
export const ZUnansweredList = z.object({ items: z.array(ZUnansweredGroup) })
export const ZHandleUnanswered = z
  .object({
    normalizedText: z.string().min(1).max(500),
    entryId: z.uuid(),
    /** Adds the question to the entry's phrasings, so the next one asking it is answered. */
    addAsPhrasing: z.boolean().default(true),
  })
  .strict()
export const ZHandled = z.object({ questions: z.number().int() })
