import { z } from 'zod'

export const SERVICE_CHANNELS = ['online', 'appointment', 'counter'] as const
export const SERVICE_AUDIENCES = ['citizens', 'families', 'businesses', 'students', 'visitors'] as const
export const SERVICE_STATUSES = ['active', 'inactive'] as const

const ZSlug = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by hyphens')

const ZText = z.string().trim().min(1).max(4000)
const ZShortText = z.string().trim().min(1).max(300)
const ZTextList = z.array(ZText).min(1).max(20)

/** The sections of a *modello Comuni* service page, in the order the page index lists them. */
export const ZServiceSections = z
  .object({
    whoIsItFor: ZText.describe('A chi è rivolto'),
    howTo: ZTextList.describe('Come fare: the steps, in order'),
    whatYouNeed: ZTextList.describe('Cosa serve'),
    whatYouGet: ZText.describe('Cosa si ottiene'),
    timesAndDeadlines: ZText.describe('Tempi e scadenze'),
    access: z
      .object({ url: z.string().min(1).max(500), label: ZShortText })
      .strict()
      .describe('Accedi al servizio'),
    conditions: ZText.describe('Condizioni di servizio'),
    contacts: z
      .object({ office: ZShortText, phone: ZShortText.optional(), email: z.email().optional() })
      .strict()
      .describe('Contatti'),
  })
  .strict()
  .meta({ id: 'ServiceSections' })
export type ServiceSections = z.infer<typeof ZServiceSections>

export const ZCategory = z.object({ slug: z.string(), name: z.string() }).meta({ id: 'CatalogueCategory' })
export type Category = z.infer<typeof ZCategory>

export const ZServiceSummary = z
  .object({
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    category: ZCategory,
    channels: z.array(z.enum(SERVICE_CHANNELS)),
    status: z.enum(SERVICE_STATUSES),
  })
  .meta({ id: 'ServiceSummary' })
export type ServiceSummary = z.infer<typeof ZServiceSummary>

export const ZServicePage = ZServiceSummary.extend({
  audience: z.array(z.enum(SERVICE_AUDIENCES)),
  onlineAccessLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  sections: ZServiceSections,
  featured: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
  jsonLd: z.record(z.string(), z.unknown()).describe('schema.org GovernmentService metadata for the page'),
}).meta({ id: 'ServicePage' })
export type ServicePage = z.infer<typeof ZServicePage>

export const ZServiceList = z
  .object({
    items: z.array(ZServiceSummary),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'ServiceList' })
export type ServiceList = z.infer<typeof ZServiceList>

export const ZServiceListQuery = z
  .object({
    category: ZSlug.optional(),
    q: z.string().trim().min(1).max(100).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict()

export const ZTopQuery = z.object({ limit: z.coerce.number().int().min(1).max(20).default(6) }).strict()

export const ZSlugParam = z.object({ slug: ZSlug })

const ZLocalisedText = z.object({ it: ZShortText, en: ZShortText }).strict()
const ZLocalisedSummary = z.object({ it: ZText, en: ZText }).strict()

export const ZCreateServiceInput = z
  .object({
    slug: ZSlug,
    title: ZLocalisedText,
    summary: ZLocalisedSummary,
    categorySlug: ZSlug,
    audience: z.array(z.enum(SERVICE_AUDIENCES)).min(1),
    channels: z.array(z.enum(SERVICE_CHANNELS)).min(1),
    status: z.enum(SERVICE_STATUSES).default('active'),
    onlineAccessLevel: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .nullable()
      .default(null),
    sections: z.object({ it: ZServiceSections, en: ZServiceSections }).strict(),
    featured: z.boolean().default(false),
    featuredOrder: z.number().int().min(0).max(1000).default(0),
  })
  .strict()
  .meta({ id: 'CreateServiceInput' })
export type CreateServiceInput = z.infer<typeof ZCreateServiceInput>

export const ZUpdateServiceInput = z
  .object({
    title: ZLocalisedText.partial(),
    summary: ZLocalisedSummary.partial(),
    categorySlug: ZSlug,
    audience: z.array(z.enum(SERVICE_AUDIENCES)).min(1),
    channels: z.array(z.enum(SERVICE_CHANNELS)).min(1),
    status: z.enum(SERVICE_STATUSES),
    onlineAccessLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
    sections: z.object({ it: ZServiceSections, en: ZServiceSections }).strict().partial(),
    featured: z.boolean(),
    featuredOrder: z.number().int().min(0).max(1000),
  })
  .strict()
  .partial()
  .refine((input) => Object.keys(input).length > 0, { message: 'nothing to change' })
  .meta({ id: 'UpdateServiceInput' })
export type UpdateServiceInput = z.infer<typeof ZUpdateServiceInput>

export const ZEditorServiceItem = z
  .object({
    slug: z.string(),
    title: z.string(),
    categoryName: z.string(),
    status: z.enum(SERVICE_STATUSES),
    featured: z.boolean(),
    featuredOrder: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'EditorServiceItem' })
export type EditorServiceItem = z.infer<typeof ZEditorServiceItem>

/** A service as editors see it: both languages, every field the update accepts. */
export const ZEditableService = ZCreateServiceInput.extend({
  updatedAt: z.iso.datetime({ offset: true }),
}).meta({ id: 'EditableService' })
export type EditableService = z.infer<typeof ZEditableService>
