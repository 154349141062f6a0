import type { Queryable } from '../../db/client.js'
import type { Actor, StaffRole } from '../../platform/context.js'
import { readableCode, timeOrderedUuid } from '../../platform/ids.js'
import type { Runtime } from '../../platform/runtime.js'
import { createStaffSession } from '../../test/identity.js'
import type { TicketChannel, TicketStatus } from './policy.js'
import { insertTicket, type TicketRow } from './repo.js'
import { ticketContacts, ticketTeamSettings } from './tables.js'

export async function createTestContact(
  db: Queryable,
  options: { fiscalCode?: string | null; email?: string | null; phone?: string | null; name?: string } = {},
): Promise<string> {
  const [row] = await db
    .insert(ticketContacts)
    .values({
      fiscalCode: options.fiscalCode ?? null,
      email: options.email ?? null,
      phone: options.phone ?? null,
      displayName: options.name ?? 'Maria Rossi',
    })
    .returning()
  return row!.id
}

/** A ticket written straight to the table, with the due times the test wants. */
export async function insertTestTicket(
  db: Queryable,
  options: {
    contactId: string
    teamCode: string
    categoryId?: string | null
    status?: TicketStatus
    channel?: TicketChannel
    createdAt: Date
    firstResponseDueAt?: Date | null
    resolutionDueAt?: Date | null
    assigneeStaffId?: string | null
    subject?: string
    resolvedAt?: Date | null
    slaPausedAt?: Date | null
  },
): Promise<TicketRow> {
  return insertTicket(db, {
    id: timeOrderedUuid(options.createdAt.getTime()),
    code: `R${options.createdAt.getUTCFullYear()}-${readableCode(6)}`,
    contactId: options.contactId,
    channel: options.channel ?? 'web',
    categoryId: options.categoryId ?? null,
    teamCode: options.teamCode,
    assigneeStaffId: options.assigneeStaffId ?? null,
    status: options.status ?? 'new',
    subject: options.subject ?? 'Richiesta di prova',
    firstResponseDueAt: options.firstResponseDueAt ?? null,
    resolutionDueAt: options.resolutionDueAt ?? null,
    resolvedAt: options.resolvedAt ?? null,
    slaPausedAt: options.slaPausedAt ?? null,
    createdAt: options.createdAt,
    lastActivityAt: options.createdAt,
  })
}

export async function setTeamAssignment(
  db: Queryable,
  teamCode: string,
  assignment: 'claim' | 'least-loaded',
  escalationEmail: string | null = null,
): Promise<void> {
  await db
    .insert(ticketTeamSettings)
    .values({ teamCode, assignment, escalationEmail })
    .onConflictDoUpdate({ target: ticketTeamSettings.teamCode, set: { assignment, escalationEmail } })
}

/** A member of staff with a session and the actor their requests carry. */
export async function createTestStaff(
  runtime: Runtime,
  roles: StaffRole[],
  teams: string[],
): Promise<{ id: string; headers: Record<string, string>; actor: Actor }> {
  const session = await createStaffSession(runtime, { roles, teams })
  return {
    id: session.accountId,
    headers: session.headers,
    actor: { type: 'staff', id: session.accountId, roles, teams },
  }
}
