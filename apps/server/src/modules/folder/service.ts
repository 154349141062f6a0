import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { Actor, ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import {
  minorChildrenOf,
  type Representation,
  representationOf,
  resolveFolderOwner,
} from '../identity/delegation-service.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import type { PersonFolder, RegistrySource } from '../registry/source.js'
import './messages.js'
import { countSections, describeFamily, listDeadlines } from './policy.js'
import type { FolderSummary, PersonFolderView } from './schema.js'

export interface FolderContext extends ServiceContext {
  registry: RegistrySource
}

type Basis = PersonFolderView['basis']

function basisOf(representation: Representation | null): Basis {
  return representation?.basis ?? 'self'
}

function citizenCode(actor: Actor): string {
  if (actor.type !== 'citizen') throw new AppError('FORBIDDEN', { internalDetail: `${actor.type} folder` })
  return actor.fiscalCode
}

/** The folder as shown to a viewer who may see it; `viewer` decides which family members open. */
function present(folder: PersonFolder, basis: Basis, viewer: string | null, now: Date): PersonFolderView {
  const today = romeCalendarDate(now)
  const viewable = viewer
    ? minorChildrenOf({ actorFiscalCode: viewer, household: folder.household, today: now })
    : []
  return {
    registered: true,
    basis,
    person: { ...folder.person, address: folder.address },
    family: describeFamily({
      household: folder.household,
      ownerFiscalCode: folder.person.fiscalCode,
      viewableFiscalCodes: new Set(viewable.map((member) => member.fiscalCode)),
      today,
    }),
    records: folder.records,
    counts: countSections(folder.records),
    deadlines: listDeadlines(folder.records, today),
  }
}

async function auditFolderRead(ctx: ServiceContext, fiscalCode: string, details: Record<string, unknown>) {
  await inTransaction(ctx.db, (tx) =>
    recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'folder.view',
      subjectType: 'person',
      subjectId: fiscalCode,
      details,
    }),
  )
}

/**
 * The personal home: whose folder the session works on, how much each section holds, and the
 * deadlines coming up. For one's own folder this is a single registry read.
 */
export async function getFolderSummary(ctx: FolderContext): Promise<FolderSummary> {
  const { fiscalCode, representation } = await resolveFolderOwner(ctx, ctx.actor, 'folder')
  const folder = await ctx.registry.findPersonFolderSummary(fiscalCode)
  const today = romeCalendarDate(ctx.clock.now())
  return {
    owner: {
      fiscalCode,
      givenName: folder?.givenName ?? null,
      familyName: folder?.familyName ?? null,
      registered: folder !== null,
      basis: basisOf(representation),
    },
    counts: folder ? countSections(folder.records) : null,
    deadlines: folder ? listDeadlines(folder.records, today) : [],
  }
}

/**
 * A person's folder: one's own, a minor child's or a delegator's (with the folder scope). Anyone
 * else is refused before anything is read, so the answer never tells whether the person exists.
 */
export async function getPersonFolder(ctx: FolderContext, fiscalCode: string): Promise<PersonFolderView> {
  const viewer = citizenCode(ctx.actor)
  let representation: Representation | null = null
  if (fiscalCode !== viewer) {
    representation = await representationOf(ctx, ctx.actor, fiscalCode)
    if (!representation?.scopes.includes('folder')) {
      throw new AppError('FORBIDDEN', { messageKey: 'folder.not-viewable' })
    }
  }
  const folder = await ctx.registry.findPersonFolder(fiscalCode)
  if (!folder) {
    if (!representation) return { registered: false, basis: 'self', fiscalCode }
    throw new AppError('NOT_FOUND', { messageKey: 'folder.not-registered' })
  }
  if (representation) {
    await auditFolderRead(ctx, fiscalCode, { viewer, basis: representation.basis })
  }
  return present(folder, basisOf(representation), viewer, ctx.clock.now())
}

/** An operator opens a citizen's folder during a call or at the counter: stated reason, audited. */
export async function getFolderForOperator(
  ctx: FolderContext,
  input: { fiscalCode: string; reason: string },
): Promise<PersonFolderView> {
  const folder = await ctx.registry.findPersonFolder(input.fiscalCode)
  if (!folder) throw new AppError('NOT_FOUND', { messageKey: 'folder.not-registered' })
  await auditFolderRead(ctx, input.fiscalCode, { reason: input.reason, sections: 'all' })
  return present(folder, 'staff', null, ctx.clock.now())
}
