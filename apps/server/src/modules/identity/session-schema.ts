import { z } from 'zod'

export const ZSessionView = z
  .discriminatedUnion('authenticated', [
    z.object({ authenticated: z.literal(false) }),
    z.object({
      authenticated: z.literal(true),
      kind: z.enum(['citizen', 'staff']),
      level: z.number().int().min(1).max(3).describe('Assurance level: SPID L1–L3; CIE is 3'),
      method: z.string().describe('How the person signed in: spid, cie or staff'),
      csrfToken: z.string().describe('Send it back as X-CSRF-Token with every change'),
      expiresAt: z.iso.datetime(),
      displayName: z.string(),
      fiscalCode: z.string().nullable(),
      actingFor: z.string().nullable(),
      roles: z.array(z.string()),
      teams: z.array(z.string()),
    }),
  ])
  .meta({ id: 'Session' })
export type SessionView = z.infer<typeof ZSessionView>

export const ZLogoutEverywhereResult = z
  .object({ endedSessions: z.number().int() })
  .meta({ id: 'LogoutEverywhere' })

export const ZHeartbeat = z
  .object({
    idleExpiresAt: z.iso.datetime().describe('When the session ends if nothing else happens'),
    expiresAt: z.iso.datetime().describe('When the session ends in any case'),
  })
  .meta({ id: 'SessionHeartbeat' })
