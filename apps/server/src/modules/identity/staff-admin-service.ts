import type { Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext, StaffRole } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { translate } from '../../platform/i18n.js'
import './staff-admin-messages.js'
import { revokeAccountSessions } from './session-repo.js'
import { forgetCachedSessions } from './session-service.js'
import { mayAdministerStaff, mayReadStaff, selfLockout } from './staff-admin-policy.js'
import {
  addMembershipIfMissing,
  findStaffBySubjectOrEmail,
  findStaffNames,
  findStaffWithTeams,
  findTeamsByCodes,
  insertStaff,
  insertStaffIfMissing,
  insertTeamIfMissing,
  listActiveEmailsWithRole,
  listActiveMembersOfTeam,
  listStaffWithTeams,
  listTeamsWithCounts,
  lockStaff,
  replaceMemberships,
  type StaffWithTeams,
  type TeamRow,
  updateStaffAccount,
} from './staff-admin-repo.js'
import type { StaffCreateInput, StaffUpdateInput, StaffView, TeamView } from './staff-admin-schema.js'

function requireAdministrator(ctx: Pick<ServiceContext, 'actor'>): void {
  if (!mayAdministerStaff(ctx.actor)) throw new AppError('FORBIDDEN')
}

function toStaffView(row: StaffWithTeams): StaffView {
  return {
    id: row.id,
    subject: row.subject,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles as StaffRole[],
    active: row.active,
    teams: row.teams,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  }
}

async function staffView(db: Queryable, id: string): Promise<StaffView> {
  const row = await findStaffWithTeams(db, id)
  if (!row) throw new AppError('NOT_FOUND')
  return toStaffView(row)
}

/** The teams named by code, or a field error listing the codes that do not exist. */
async function resolveTeams(
  db: Queryable,
  codes: readonly string[],
  locale: ServiceContext['meta']['locale'],
) {
  const found = await findTeamsByCodes(db, codes)
  const missing = codes.filter((code) => !found.some((team) => team.code === code))
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'body.teamCodes',
          message: translate(locale, 'staff.unknown-teams', { codes: missing.join(', ') }),
        },
      ],
    })
  }
  return found
}

export async function listStaff(ctx: Pick<ServiceContext, 'db' | 'actor'>): Promise<StaffView[]> {
  if (!mayReadStaff(ctx.actor)) throw new AppError('FORBIDDEN')
  return (await listStaffWithTeams(ctx.db)).map(toStaffView)
}

export async function createStaff(ctx: ServiceContext, input: StaffCreateInput): Promise<StaffView> {
  requireAdministrator(ctx)
  const email = input.email.toLowerCase()
  const id = await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    if (await findStaffBySubjectOrEmail(tx, input.subject, email)) {
      throw new AppError('CONFLICT', { messageKey: 'staff.duplicate' })
    }
    const teamRows = await resolveTeams(tx, input.teamCodes, ctx.meta.locale)
    const created = await insertStaff(tx, {
      subject: input.subject,
      email,
      displayName: input.displayName,
      roles: input.roles,
      active: true,
      createdAt: now,
    })
    await replaceMemberships(
      tx,
      created.id,
      teamRows.map((team) => team.id),
    )
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'staff.create',
      subjectType: 'staff-account',
      subjectId: created.id,
      details: { subject: input.subject, email, roles: input.roles, teams: input.teamCodes },
    })
    return created.id
  })
  return staffView(ctx.db, id)
}

/**
 * Changes roles, name or the active flag. Takes effect at once: cached sessions are dropped, and a
 * deactivated member's sessions are revoked.
 */
export async function updateStaff(
  ctx: ServiceContext,
  id: string,
  change: StaffUpdateInput,
): Promise<StaffView> {
  requireAdministrator(ctx)
  const lockout = selfLockout(ctx.actor, id, change)
  if (lockout) throw new AppError('FORBIDDEN', { messageKey: `staff.${lockout}` })
  await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const current = await lockStaff(tx, id)
    if (!current) throw new AppError('NOT_FOUND')
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    const sameRoles =
      change.roles === undefined ||
      (change.roles.length === current.roles.length &&
        change.roles.every((role) => current.roles.includes(role)))
    if (!sameRoles) {
      before.roles = current.roles
      after.roles = change.roles
    }
    if (change.active !== undefined && change.active !== current.active) {
      before.active = current.active
      after.active = change.active
    }
    if (change.displayName !== undefined && change.displayName !== current.displayName) {
      before.displayName = current.displayName
      after.displayName = change.displayName
    }
    if (Object.keys(after).length === 0) return
    await updateStaffAccount(tx, id, after)
    const revokedSessions = after.active === false ? await revokeAccountSessions(tx, 'staff', id, now) : []
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'staff.update',
      subjectType: 'staff-account',
      subjectId: id,
      details: { before, after, revokedSessions: revokedSessions.length },
    })
  })
  forgetCachedSessions()
  return staffView(ctx.db, id)
}

export async function setStaffTeams(
  ctx: ServiceContext,
  id: string,
  teamCodes: readonly string[],
): Promise<StaffView> {
  requireAdministrator(ctx)
  await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const current = await lockStaff(tx, id)
    if (!current) throw new AppError('NOT_FOUND')
    const before = (await findStaffWithTeams(tx, id))?.teams.map((team) => team.code) ?? []
    const teamRows = await resolveTeams(tx, teamCodes, ctx.meta.locale)
    await replaceMemberships(
      tx,
      id,
      teamRows.map((team) => team.id),
    )
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'staff.teams',
      subjectType: 'staff-account',
      subjectId: id,
      details: { before, after: [...teamCodes].sort() },
    })
  })
  // Teams travel with the cached actor: queues must change with the membership.
  forgetCachedSessions()
  return staffView(ctx.db, id)
}

function toTeamView(row: TeamRow & { memberCount: number }): TeamView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    memberCount: row.memberCount,
    createdAt: row.createdAt.toISOString(),
  }
}

export async function listTeams(ctx: Pick<ServiceContext, 'db' | 'actor'>): Promise<TeamView[]> {
  if (!mayReadStaff(ctx.actor)) throw new AppError('FORBIDDEN')
  return (await listTeamsWithCounts(ctx.db)).map(toTeamView)
}

export async function createTeam(
  ctx: ServiceContext,
  input: { code: string; name: string },
): Promise<TeamView> {
  requireAdministrator(ctx)
  const created = await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const team = await insertTeamIfMissing(tx, { code: input.code, name: input.name, createdAt: now })
    if (!team) throw new AppError('CONFLICT', { messageKey: 'staff.team-duplicate' })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'team.create',
      subjectType: 'team',
      subjectId: team.id,
      details: { code: input.code, name: input.name },
    })
    return team
  })
  return toTeamView({ ...created, memberCount: 0 })
}

export const DEV_TEAMS = [
  { code: 'anagrafe', name: 'Anagrafe' },
  { code: 'contact-center', name: 'Contact center 020202' },
  { code: 'tributi', name: 'Tributi' },
  { code: 'polizia-locale', name: 'Polizia locale' },
  { code: 'posta-sindaco', name: 'Posta del Sindaco' },
] as const

/** The staff of the bundled identity provider, matched to it by OIDC subject. */
export const DEV_STAFF: readonly {
  subject: string
  email: string
  displayName: string
  roles: StaffRole[]
  teams: string[]
}[] = [
  {
    subject: 'dev-operator',
    email: 'operatore@comune.example.it',
    displayName: 'Olga Operatrice',
    roles: ['operator'],
    teams: ['anagrafe', 'contact-center'],
  },
  {
    subject: 'dev-supervisor',
    email: 'supervisore@comune.example.it',
    displayName: 'Sergio Supervisore',
    roles: ['supervisor'],
    teams: ['contact-center'],
  },
  {
    subject: 'dev-analyst',
    email: 'analista@comune.example.it',
    displayName: 'Anna Analista',
    roles: ['analyst'],
    teams: [],
  },
  {
    subject: 'dev-admin',
    email: 'amministratore@comune.example.it',
    displayName: 'Alberto Amministratore',
    roles: ['admin'],
    teams: [],
  },
]

/**
 * Creates the demo teams and staff if missing. Safe to run at every start: existing rows, including
 * an administrator's later changes to them, are left as they are.
 */
export async function seedStaff(
  ctx: ServiceContext,
): Promise<{ teams: number; staff: number; memberships: number }> {
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const created = { teams: 0, staff: 0, memberships: 0 }
    for (const team of DEV_TEAMS) {
      if (await insertTeamIfMissing(tx, { ...team, createdAt: now })) created.teams++
    }
    const teamIds = new Map(
      (
        await findTeamsByCodes(
          tx,
          DEV_TEAMS.map((team) => team.code),
        )
      ).map((t) => [t.code, t.id]),
    )
    for (const member of DEV_STAFF) {
      const inserted = await insertStaffIfMissing(tx, {
        subject: member.subject,
        email: member.email,
        displayName: member.displayName,
        roles: member.roles,
        active: true,
        createdAt: now,
      })
      if (!inserted) continue
      created.staff++
      for (const code of member.teams) {
        const teamId = teamIds.get(code)
        if (teamId && (await addMembershipIfMissing(tx, inserted.id, teamId))) created.memberships++
      }
    }
    if (created.teams + created.staff > 0) {
      await recordAudit(tx, ctx.actor, ctx.meta, now, {
        action: 'staff.seed',
        subjectType: 'staff-account',
        details: created,
      })
    }
    return created
  })
}

export interface TeamMember {
  id: string
  displayName: string
  email: string
  roles: StaffRole[]
}

/** The active members of a team, for capabilities that route work to people (no permission check). */
export async function listActiveTeamMembers(db: Queryable, teamCode: string): Promise<TeamMember[]> {
  return (await listActiveMembersOfTeam(db, teamCode)).map((row) => ({
    ...row,
    roles: row.roles as StaffRole[],
  }))
}

/** Which of these team codes exist. */
export async function existingTeamCodes(db: Queryable, codes: readonly string[]): Promise<string[]> {
  return (await findTeamsByCodes(db, codes)).map((team) => team.code)
}

/**
 * Whom to tell when a team's work goes wrong: the team's active supervisors, or every active
 * supervisor when the team has none.
 */
export async function supervisorEmailsFor(db: Queryable, teamCode: string): Promise<string[]> {
  const ofTeam = (await listActiveMembersOfTeam(db, teamCode))
    .filter((member) => member.roles.includes('supervisor'))
    .map((member) => member.email)
  return ofTeam.length > 0 ? ofTeam : listActiveEmailsWithRole(db, 'supervisor')
}

/** Display names of staff members by id, for showing who did what. */
export async function staffNamesById(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  return findStaffNames(db, ids)
}

/** Every team's code, for capabilities that list work across teams (no permission check). */
export async function listTeamCodes(db: Queryable): Promise<string[]> {
  return (await listTeamsWithCounts(db)).map((team) => team.code)
}
