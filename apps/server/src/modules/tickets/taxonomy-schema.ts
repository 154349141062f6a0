import { z } from 'zod'
import { TICKET_PROCESSES } from './policy.js'
import { CATEGORY_CODE_PATTERN } from './schema.js'

const name = z.string().trim().min(2).max(120)
const minutes = z.number().int().min(1).max(200_000)
const code = z.string().regex(CATEGORY_CODE_PATTERN)

export const ZCategoryCodeParams = z.object({ code })
export const ZCannedIdParams = z.object({ id: z.uuid() })
export const ZTeamParams = z.object({ team: z.string().regex(/^[a-z0-9-]{2,60}$/) })

export const ZPublicDetail = z.object({ code: z.string(), nameIt: z.string(), nameEn: z.string() })
export const ZPublicTopic = ZPublicDetail.extend({ details: z.array(ZPublicDetail) })
export const ZPublicArea = ZPublicDetail.extend({ topics: z.array(ZPublicTopic) })
export const ZPublicTaxonomy = z.object({ areas: z.array(ZPublicArea) })
export type PublicArea = z.infer<typeof ZPublicArea>

export const ZCategoryNode = z.object({
  code: z.string(),
  level: z.number().int().min(1).max(3),
  parentCode: z.string().nullable(),
  nameIt: z.string(),
  nameEn: z.string(),
  teamCode: z.string().nullable(),
  process: z.enum(TICKET_PROCESSES),
  firstResponseMinutes: z.number().int().nullable(),
  resolutionMinutes: z.number().int().nullable(),
  citizenVisible: z.boolean(),
  active: z.boolean(),
  position: z.number().int(),
})
export type CategoryNode = z.infer<typeof ZCategoryNode>

export const ZCategoryCreate = z
  .object({
    code,
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    parentCode: code.optional(),
    nameIt: name,
    nameEn: name,
    teamCode: z
      .string()
      .regex(/^[a-z0-9-]{2,60}$/)
      .optional(),
    process: z.enum(TICKET_PROCESSES).default('standard'),
    firstResponseMinutes: minutes.optional(),
    resolutionMinutes: minutes.optional(),
    citizenVisible: z.boolean().default(true),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .strict()
export type CategoryCreate = z.infer<typeof ZCategoryCreate>

export const ZCategoryUpdate = z
  .object({
    nameIt: name.optional(),
    nameEn: name.optional(),
    teamCode: z
      .string()
      .regex(/^[a-z0-9-]{2,60}$/)
      .optional(),
    process: z.enum(TICKET_PROCESSES).optional(),
    firstResponseMinutes: minutes.optional(),
    resolutionMinutes: minutes.optional(),
    citizenVisible: z.boolean().optional(),
    active: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
export type CategoryUpdate = z.infer<typeof ZCategoryUpdate>

export const ZCannedReply = z.object({
  id: z.string(),
  categoryCode: z.string().nullable(),
  title: z.string(),
  bodyIt: z.string(),
  bodyEn: z.string(),
  active: z.boolean(),
})
export type CannedReplyView = z.infer<typeof ZCannedReply>

export const ZCannedReplyCreate = z
  .object({
    categoryCode: code.nullable().default(null),
    title: z.string().trim().min(2).max(120),
    bodyIt: z.string().trim().min(1).max(10_000),
    bodyEn: z.string().trim().max(10_000).default(''),
  })
  .strict()
export const ZCannedReplyUpdate = z
  .object({
    title: z.string().trim().min(2).max(120).optional(),
    bodyIt: z.string().trim().min(1).max(10_000).optional(),
    bodyEn: z.string().trim().max(10_000).optional(),
    active: z.boolean().optional(),
  })
  .strict()

export const ZCannedQuery = z.object({ lang: z.enum(['it', 'en']).default('it') })

export const ZTeamSettings = z.object({
  teamCode: z.string(),
  assignment: z.enum(['claim', 'least-loaded']),
  escalationEmail: z.string().nullable(),
})
export const ZTeamSettingsUpdate = z
  .object({
    assignment: z.enum(['claim', 'least-loaded']),
    escalationEmail: z.email().max(254).nullable().default(null),
  })
  .strict()
