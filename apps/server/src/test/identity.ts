import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/client.js'
import { inTransaction } from '../db/transaction.js'
import { computeFiscalCode } from '../modules/identity/codice-fiscale.js'
import { SESSION_COOKIE, startSession } from '../modules/identity/session-service.js'
import { citizenAccounts, staffAccounts, teamMembers, teams } from '../modules/identity/tables.js'
import type { StaffRole } from '../platform/context.js'
import type { Runtime } from '../platform/runtime.js'

export interface TestSession {
  accountId: string
  token: string
  csrfToken: string
  /** Headers for `app.inject`: the session cookie and, for changes, the CSRF token. */
  headers: Record<string, string>
}

/** A fiscal code no other test uses: random birth date and names, real check character. */
export function uniqueFiscalCode(): string {
  const year = 1950 + Math.floor(Math.random() * 50)
  const month = 1 + Math.floor(Math.random() * 12)
  const day = 1 + Math.floor(Math.random() * 28)
  const letters = 'BCDFGHLMNPRSTVZ'
  const pick = () => letters[Math.floor(Math.random() * letters.length)]
  return computeFiscalCode({
    familyName: `${pick()}${pick()}${pick()}A`,
    givenName: `${pick()}${pick()}${pick()}${pick()}O`,
    sex: Math.random() < 0.5 ? 'M' : 'F',
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    birthPlaceCode: 'F205',
  })
}

function sessionHeaders(token: string, csrfToken: string): Record<string, string> {
  return { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrfToken }
}

export async function createCitizenSession(
  runtime: Runtime,
  options: { fiscalCode?: string; level?: 1 | 2 | 3; personId?: string | null; db?: Queryable } = {},
): Promise<TestSession & { fiscalCode: string }> {
  const fiscalCode = options.fiscalCode ?? uniqueFiscalCode()
  return inTransaction(runtime.db, async (tx) => {
    const [account] = await tx
      .insert(citizenAccounts)
      .values({ fiscalCode, givenName: 'Test', familyName: 'Cittadino', personId: options.personId ?? null })
      .onConflictDoUpdate({ target: citizenAccounts.fiscalCode, set: { lastLoginAt: new Date() } })
      .returning()
    const session = await startSession(
      tx,
      { clock: runtime.clock, session: runtime.config.session },
      {
        kind: 'citizen',
        accountId: account!.id,
        level: options.level ?? 2,
        method: 'spid',
        ip: null,
        userAgent: 'test',
      },
    )
    return {
      accountId: account!.id,
      fiscalCode,
      ...session,
      headers: sessionHeaders(session.token, session.csrfToken),
    }
  })
}

export async function createStaffSession(
  runtime: Runtime,
  options: { roles: StaffRole[]; teams?: string[]; active?: boolean },
): Promise<TestSession> {
  const id = randomUUID()
  return inTransaction(runtime.db, async (tx) => {
    const [account] = await tx
      .insert(staffAccounts)
      .values({
        subject: `test-${id}`,
        email: `${id}@staff.example.it`,
        displayName: `Staff ${id.slice(0, 6)}`,
        roles: options.roles,
        active: options.active ?? true,
      })
      .returning()
    for (const code of options.teams ?? []) {
      const [team] = await tx
        .insert(teams)
        .values({ code, name: code })
        .onConflictDoUpdate({ target: teams.code, set: { code } })
        .returning()
      await tx.insert(teamMembers).values({ teamId: team!.id, staffId: account!.id })
    }
    const session = await startSession(
      tx,
      { clock: runtime.clock, session: runtime.config.session },
      {
        kind: 'staff',
        accountId: account!.id,
        level: 2,
        method: 'staff',
        ip: null,
        userAgent: 'test',
      },
    )
    return { accountId: account!.id, ...session, headers: sessionHeaders(session.token, session.csrfToken) }
  })
}
