import type { Database, Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { Clock } from '../../platform/clock.js'
import type { Actor, ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { translate } from '../../platform/i18n.js'
import { findPersonByFiscalCode, listHouseholdOf } from '../registry/person-service.js'
import { decodeFiscalCode } from './codice-fiscale.js'
import './delegation-messages.js'
import {
  checkDelegationRequest,
  delegationStatus,
  listRepresentations,
  mayActFor,
  type Representation,
  romeDate,
  romeStartOfDay,
} from './delegation-policy.js'
import {
  type DelegationRow,
  findAccountNames,
  insertDelegation,
  listActiveDelegationsTo,
  listDelegationsGivenBy,
  listDelegationsReceivedBy,
  lockDelegation,
  markDelegationRevoked,
  revokeActiveDelegationsBetween,
  stopSessionsActingFor,
} from './delegation-repo.js'
import {
  DELEGATION_SCOPES,
  type DelegationInput,
  type DelegationScope,
  type DelegationView,
  type RepresentedPerson,
} from './delegation-schema.js'
import { setActingFor } from './session-repo.js'
import {
  forgetCachedSessions,
  type ResolvedSession,
  type SessionPolicy,
  switchActingFor,
} from './session-service.js'

export type { Representation } from './delegation-policy.js'
export { minorChildrenOf } from './delegation-policy.js'

type CitizenActor = Extract<Actor, { type: 'citizen' }>

function citizenOf(actor: Actor): CitizenActor {
  if (actor.type !== 'citizen')
    throw new AppError('FORBIDDEN', { internalDetail: `${actor.type} is not a citizen` })
  return actor
}

async function representationsOf(db: Queryable, fiscalCode: string, now: Date, onlyFrom?: string) {
  const [household, delegations] = await Promise.all([
    listHouseholdOf(db, fiscalCode),
    listActiveDelegationsTo(db, fiscalCode, now, onlyFrom),
  ])
  return { household, delegations }
}

/**
 * Whom the citizen really acts for now. The session remembers a choice; a delegation may have ended
 * or a child come of age since, and then the citizen acts for themselves. Later modules call this
 * rather than trusting `actor.onBehalfOf`.
 */
export async function effectiveActingFor(
  deps: { db: Queryable; clock: Clock },
  actor: Actor,
): Promise<Representation | null> {
  if (actor.type !== 'citizen' || !actor.onBehalfOf) return null
  const now = deps.clock.now()
  const { household, delegations } = await representationsOf(deps.db, actor.fiscalCode, now, actor.onBehalfOf)
  const decision = mayActFor({
    actorFiscalCode: actor.fiscalCode,
    household,
    delegations,
    target: actor.onBehalfOf,
    today: now,
  })
  return decision.allowed ? decision.representation : null
}

/**
 * How the citizen represents another person today (a minor child of theirs, or a delegator), or
 * null when they do not. For requests that name the person, such as a child's page opened by URL.
 */
export async function representationOf(
  deps: { db: Queryable; clock: Clock },
  actor: Actor,
  target: string,
): Promise<Representation | null> {
  const citizen = citizenOf(actor)
  const now = deps.clock.now()
  const { household, delegations } = await representationsOf(deps.db, citizen.fiscalCode, now, target)
  const decision = mayActFor({
    actorFiscalCode: citizen.fiscalCode,
    household,
    delegations,
    target,
    today: now,
  })
  return decision.allowed ? decision.representation : null
}

/**
 * Whose folder a citizen request works on for a scope: their own, or that of the person they act
 * for when the representation covers the scope. A representation without the scope is refused
 * rather than silently switched to the citizen's own data.
 */
export async function resolveFolderOwner(
  deps: { db: Queryable; clock: Clock },
  actor: Actor,
  scope: DelegationScope,
): Promise<{ fiscalCode: string; representation: Representation | null }> {
  const citizen = citizenOf(actor)
  const representation = await effectiveActingFor(deps, actor)
  if (!representation) return { fiscalCode: citizen.fiscalCode, representation: null }
  if (!representation.scopes.includes(scope)) {
    throw new AppError('FORBIDDEN', {
      messageKey: 'delegation.not-represented',
      internalDetail: `scope ${scope}`,
    })
  }
  return { fiscalCode: representation.fiscalCode, representation }
}

async function describeRepresentation(
  db: Queryable,
  representation: Representation,
): Promise<RepresentedPerson> {
  if (representation.basis === 'minor-child') {
    const { person } = representation
    return {
      fiscalCode: person.fiscalCode,
      givenName: person.givenName,
      familyName: person.familyName,
      birthDate: person.birthDate,
      basis: 'minor-child',
      scopes: representation.scopes,
      delegationId: null,
      validUntil: null,
    }
  }
  const registered = await findPersonByFiscalCode(db, representation.fiscalCode)
  const accountName = registered
    ? undefined
    : (await findAccountNames(db, [representation.fiscalCode])).get(representation.fiscalCode)
  const [givenName = '', ...familyNames] = accountName?.split(' ') ?? []
  return {
    fiscalCode: representation.fiscalCode,
    givenName: registered?.givenName ?? givenName,
    familyName: registered?.familyName ?? familyNames.join(' '),
    birthDate: registered?.birthDate ?? null,
    basis: 'delegation',
    scopes: representation.scopes,
    delegationId: representation.delegationId,
    validUntil: representation.validUntil.toISOString(),
  }
}

interface SessionSwitchDeps {
  db: Database
  clock: Clock
  session: SessionPolicy
}

/** Minor children and delegators the citizen may act for, and whom the session acts for now. */
export async function listRepresentedPeople(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'actor'>,
  session: ResolvedSession | null,
  sessionDeps: SessionSwitchDeps,
): Promise<{ actingFor: string | null; people: RepresentedPerson[] }> {
  const citizen = citizenOf(ctx.actor)
  const now = ctx.clock.now()
  const { household, delegations } = await representationsOf(ctx.db, citizen.fiscalCode, now)
  const representations = listRepresentations({
    actorFiscalCode: citizen.fiscalCode,
    household,
    delegations,
    today: now,
  })
  let actingFor = citizen.onBehalfOf ?? null
  if (actingFor && !representations.some((entry) => entry.fiscalCode === actingFor)) {
    // The choice no longer holds (delegation ended, child came of age): the session forgets it.
    if (session) await switchActingFor(sessionDeps, session, null)
    actingFor = null
  }
  const people = await Promise.all(representations.map((entry) => describeRepresentation(ctx.db, entry)))
  return { actingFor, people }
}

/** Switches whose folder the session works on; refused unless the citizen represents that person. */
export async function changeActingFor(
  ctx: ServiceContext,
  session: ResolvedSession,
  sessionDeps: SessionSwitchDeps,
  target: string | null,
): Promise<RepresentedPerson | null> {
  const citizen = citizenOf(ctx.actor)
  let representation: Representation | null = null
  if (target !== null && target !== citizen.fiscalCode) {
    const now = ctx.clock.now()
    const { household, delegations } = await representationsOf(ctx.db, citizen.fiscalCode, now, target)
    const decision = mayActFor({
      actorFiscalCode: citizen.fiscalCode,
      household,
      delegations,
      target,
      today: now,
    })
    if (!decision.allowed) throw new AppError('FORBIDDEN', { messageKey: 'delegation.not-represented' })
    representation = decision.representation
  }
  const next = representation?.fiscalCode ?? null
  await inTransaction(ctx.db, async (tx) => {
    await setActingFor(tx, session.tokenHash, next)
    await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'session.acting-for',
      subjectType: 'person',
      subjectId: next ?? citizen.fiscalCode,
      details: {
        citizen: citizen.fiscalCode,
        from: session.actingFor,
        to: next,
        basis: representation?.basis ?? 'self',
      },
    })
  })
  // Evicts this session from the in-process cache; its write repeats the value just committed.
  await switchActingFor(sessionDeps, session, next)
  return representation ? describeRepresentation(ctx.db, representation) : null
}

function toView(
  row: DelegationRow,
  direction: 'given' | 'received',
  names: Map<string, string>,
  now: Date,
): DelegationView {
  return {
    id: row.id,
    direction,
    delegator: { fiscalCode: row.delegatorFiscalCode, name: names.get(row.delegatorFiscalCode) ?? null },
    delegate: { fiscalCode: row.delegateFiscalCode, name: names.get(row.delegateFiscalCode) ?? null },
    scopes: DELEGATION_SCOPES.filter((scope) => row.scopes.includes(scope)),
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: delegationStatus(row, now),
  }
}

/** Names for the people of some delegations: from the registry, else from accounts, else unknown. */
async function namesOf(db: Queryable, rows: readonly DelegationRow[]): Promise<Map<string, string>> {
  const codes = [...new Set(rows.flatMap((row) => [row.delegatorFiscalCode, row.delegateFiscalCode]))]
  const names = new Map<string, string>()
  for (const code of codes) {
    const person = await findPersonByFiscalCode(db, code)
    if (person) names.set(code, `${person.givenName} ${person.familyName}`)
  }
  const fromAccounts = await findAccountNames(
    db,
    codes.filter((code) => !names.has(code)),
  )
  for (const [code, name] of fromAccounts) names.set(code, name)
  return names
}

export async function listMyDelegations(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'actor'>,
): Promise<{ given: DelegationView[]; received: DelegationView[] }> {
  const citizen = citizenOf(ctx.actor)
  const [given, received] = await Promise.all([
    listDelegationsGivenBy(ctx.db, citizen.fiscalCode),
    listDelegationsReceivedBy(ctx.db, citizen.fiscalCode),
  ])
  const names = await namesOf(ctx.db, [...given, ...received])
  const now = ctx.clock.now()
  return {
    given: given.map((row) => toView(row, 'given', names, now)),
    received: received.map((row) => toView(row, 'received', names, now)),
  }
}

async function birthDateOf(db: Queryable, fiscalCode: string, today: string): Promise<string | null> {
  const person = await findPersonByFiscalCode(db, fiscalCode)
  return person?.birthDate ?? decodeFiscalCode(fiscalCode, today)?.birthDate ?? null
}

/**
 * An adult in the registry lets another adult act for them, within scopes, until the end of a day
 * (Europe/Rome) at most a year ahead. A new delegation to the same person replaces the one in force.
 */
export async function createDelegation(ctx: ServiceContext, input: DelegationInput): Promise<DelegationView> {
  const citizen = citizenOf(ctx.actor)
  const now = ctx.clock.now()
  const today = romeDate(now)
  const delegator = await findPersonByFiscalCode(ctx.db, citizen.fiscalCode)
  const problems = checkDelegationRequest({
    delegatorFiscalCode: citizen.fiscalCode,
    delegatorBirthDate: delegator?.birthDate ?? null,
    delegateFiscalCode: input.delegateFiscalCode,
    delegateBirthDate: await birthDateOf(ctx.db, input.delegateFiscalCode, today),
    validUntil: input.validUntil,
    today: now,
  })
  const refusal = problems.find((problem) => problem.field === null)
  if (refusal) throw new AppError('FORBIDDEN', { messageKey: `delegation.${refusal.reason}` })
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: problems.map((problem) => ({
        path: `body.${problem.field}`,
        message: translate(ctx.meta.locale, `delegation.${problem.reason}`),
      })),
    })
  }
  const dayAfter = new Date(Date.parse(`${input.validUntil}T12:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10)
  const row = await inTransaction(ctx.db, async (tx) => {
    const replaced = await revokeActiveDelegationsBetween(
      tx,
      citizen.fiscalCode,
      input.delegateFiscalCode,
      now,
    )
    const created = await insertDelegation(tx, {
      delegatorFiscalCode: citizen.fiscalCode,
      delegateFiscalCode: input.delegateFiscalCode,
      scopes: input.scopes,
      validFrom: now,
      validUntil: romeStartOfDay(dayAfter),
      createdAt: now,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'delegation.create',
      subjectType: 'delegation',
      subjectId: created.id,
      details: {
        delegator: citizen.fiscalCode,
        delegate: input.delegateFiscalCode,
        scopes: input.scopes,
        validUntil: created.validUntil.toISOString(),
        replaces: replaced,
      },
    })
    return created
  })
  return toView(row, 'given', await namesOf(ctx.db, [row]), now)
}

/**
 * Only the delegator revokes. The delegate's sessions acting on the delegation stop at once; other
 * citizens learn nothing about the delegation (404).
 */
export async function revokeDelegation(ctx: ServiceContext, id: string): Promise<DelegationView> {
  const citizen = citizenOf(ctx.actor)
  const now = ctx.clock.now()
  const row = await inTransaction(ctx.db, async (tx) => {
    const delegation = await lockDelegation(tx, id)
    const involved =
      delegation?.delegatorFiscalCode === citizen.fiscalCode ||
      delegation?.delegateFiscalCode === citizen.fiscalCode
    if (!delegation || !involved) throw new AppError('NOT_FOUND')
    if (delegation.delegatorFiscalCode !== citizen.fiscalCode) {
      throw new AppError('FORBIDDEN', { messageKey: 'delegation.only-delegator-revokes' })
    }
    if (delegation.revokedAt) throw new AppError('CONFLICT', { messageKey: 'delegation.already-ended' })
    const revoked = await markDelegationRevoked(tx, id, now)
    const stillRepresented = await listActiveDelegationsTo(
      tx,
      revoked.delegateFiscalCode,
      now,
      citizen.fiscalCode,
    )
    const stoppedSessions =
      stillRepresented.length === 0
        ? await stopSessionsActingFor(tx, revoked.delegateFiscalCode, citizen.fiscalCode)
        : 0
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'delegation.revoke',
      subjectType: 'delegation',
      subjectId: id,
      details: { delegator: citizen.fiscalCode, delegate: revoked.delegateFiscalCode, stoppedSessions },
    })
    return revoked
  })
  forgetCachedSessions()
  return toView(row, 'given', await namesOf(ctx.db, [row]), now)
}
