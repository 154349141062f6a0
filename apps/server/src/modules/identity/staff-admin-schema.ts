import { z } from 'zod'
import { STAFF_ROLES } from '../../platform/context.js'
import { API_SCOPES } from './api-client-service.js'

function distinct<T>(values: readonly T[]): boolean {
  return new Set(values).size === values.length
}

const ZRoles = z
  .array(z.enum(STAFF_ROLES))
  .min(1)
  .refine(distinct, { message: 'roles repeated' })
  .describe('operator, supervisor, analyst, admin')

export const ZTeamCode = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(40)
  .describe('Lower-case words joined by hyphens')
  .meta({ example: 'contact-center' })

const ZTeamCodes = z.array(ZTeamCode).max(50).refine(distinct, { message: 'team codes repeated' })

export const ZTeamRef = z.object({ code: z.string(), name: z.string() })

export const ZStaffView = z
  .object({
    id: z.uuid(),
    subject: z.string().describe('Subject of the staff identity provider'),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(STAFF_ROLES)),
    active: z.boolean(),
    teams: z.array(ZTeamRef),
    createdAt: z.iso.datetime(),
    lastLoginAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'StaffMember' })
export type StaffView = z.infer<typeof ZStaffView>

export const ZStaffList = z.object({ staff: z.array(ZStaffView) }).meta({ id: 'StaffList' })

export const ZStaffCreateInput = z
  .object({
    subject: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    displayName: z.string().trim().min(1).max(200),
    roles: ZRoles,
    teamCodes: ZTeamCodes.default([]),
  })
  .strict()
export type StaffCreateInput = z.infer<typeof ZStaffCreateInput>

export const ZStaffUpdateInput = z
  .object({
    roles: ZRoles.optional(),
    active: z.boolean().optional(),
    displayName: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'nothing to change',
  })
export type StaffUpdateInput = z.infer<typeof ZStaffUpdateInput>

export const ZStaffTeamsInput = z.object({ teamCodes: ZTeamCodes }).strict().meta({ id: 'StaffTeamsInput' })

export const ZIdParams = z.object({ id: z.uuid() })

export const ZTeamView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    memberCount: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Team' })
export type TeamView = z.infer<typeof ZTeamView>

export const ZTeamList = z.object({ teams: z.array(ZTeamView) }).meta({ id: 'TeamList' })

export const ZTeamCreateInput = z
  .object({ code: ZTeamCode, name: z.string().trim().min(1).max(120) })
  .strict()

export const ZApiClientView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    keyPrefix: z.string().describe('Shown to tell keys apart; the key itself is never shown again'),
    scopes: z.array(z.string()),
    createdAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiClient' })

export const ZApiClientList = z.object({ apiClients: z.array(ZApiClientView) }).meta({ id: 'ApiClientList' })

export const ZApiClientCreateInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    scopes: z.array(z.enum(API_SCOPES)).min(1).refine(distinct, { message: 'scopes repeated' }),
  })
  .strict()

export const ZApiClientCreated = z
  .object({
    client: ZApiClientView,
    key: z.string().describe('The API key: shown only in this answer, store it now'),
  })
  .meta({ id: 'ApiClientCreated' })
