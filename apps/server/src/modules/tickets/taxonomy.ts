import type { z } from 'zod'
import type { Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { cityTitle, getCityProfile } from '../city/service.js'
import { existingTeamCodes, listTeamCodes } from '../identity/staff-admin-service.js'
import type { TicketProcess } from './policy.js'
import type { CategoryRow, ContactRow, TicketRow } from './repo.js'
import {
  type CannedReplyRow,
  findCannedReply,
  findCategoryRowByCode,
  findCategoryRowById,
  insertCannedReply,
  insertCategoryIfMissing,
  listCannedReplies,
  listCannedRepliesFor,
  listCategories,
  listTeamSettings,
  setSubtreeActive,
  updateCannedReply,
  updateCategory,
  upsertTeamSettings,
} from './taxonomy-repo.js'
import type {
  CannedReplyView,
  CategoryCreate,
  CategoryNode,
  CategoryUpdate,
  PublicArea,
  ZCannedReplyCreate,
  ZCannedReplyUpdate,
  ZTeamSettingsUpdate,
} from './taxonomy-schema.js'
import { renderCannedReply } from './workflow-policy.js'
import { requireSupervisor } from './workflow-support.js'

type Ctx = Pick<ServiceContext, 'db' | 'actor' | 'meta' | 'clock'>

/** The part of the taxonomy the web form offers: active, citizen-visible, complete triplets only. */
export async function listPublicCategories(db: Queryable): Promise<{ areas: PublicArea[] }> {
  const rows = (await listCategories(db)).filter((row) => row.active && row.citizenVisible)
  const named = (row: CategoryRow) => ({ code: row.code, nameIt: row.nameIt, nameEn: row.nameEn })
  const childrenOf = (parent: CategoryRow) => rows.filter((row) => row.parentId === parent.id)
  const areas = rows
    .filter((row) => row.level === 1)
    .map((area) => ({
      ...named(area),
      topics: childrenOf(area)
        .map((topic) => ({ ...named(topic), details: childrenOf(topic).map(named) }))
        .filter((topic) => topic.details.length > 0),
    }))
    .filter((area) => area.topics.length > 0)
  return { areas }
}

function nodeOf(row: CategoryRow, codes: Map<string, string>): CategoryNode {
  return {
    code: row.code,
    level: row.level,
    parentCode: row.parentId ? (codes.get(row.parentId) ?? null) : null,
    nameIt: row.nameIt,
    nameEn: row.nameEn,
    teamCode: row.teamCode,
    process: row.process as TicketProcess,
    firstResponseMinutes: row.firstResponseMinutes,
    resolutionMinutes: row.resolutionMinutes,
    citizenVisible: row.citizenVisible,
    active: row.active,
    position: row.position,
  }
}

/** The whole taxonomy, inactive nodes included, for supervisors. */
export async function listTaxonomy(ctx: Ctx): Promise<CategoryNode[]> {
  requireSupervisor(ctx)
  const rows = await listCategories(ctx.db)
  const codes = new Map(rows.map((row) => [row.id, row.code]))
  return rows.map((row) => nodeOf(row, codes))
}

function refuse(messageKey: string): AppError {
  return new AppError('VALIDATION_FAILED', { messageKey })
}

async function checkTeam(db: Queryable, teamCode: string | null | undefined): Promise<void> {
  if (teamCode && (await existingTeamCodes(db, [teamCode])).length === 0) throw refuse('tickets.team-unknown')
}

/** A detail routes somewhere with both clocks set; areas and topics route nowhere. */
function checkRouting(
  level: number,
  routing: Pick<CategoryRow, 'teamCode' | 'firstResponseMinutes' | 'resolutionMinutes'>,
) {
  if (level === 3 && (!routing.teamCode || !routing.firstResponseMinutes || !routing.resolutionMinutes)) {
    throw refuse('tickets.category-routing')
  }
}

export async function createCategory(ctx: Ctx, input: CategoryCreate): Promise<CategoryNode> {
  requireSupervisor(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const parent = input.parentCode ? await findCategoryRowByCode(tx, input.parentCode) : null
    if ((input.level === 1) !== !input.parentCode || (input.level > 1 && parent?.level !== input.level - 1)) {
      throw refuse('tickets.category-parent')
    }
    const detail = input.level === 3
    const routing = {
      teamCode: detail ? (input.teamCode ?? null) : null,
      firstResponseMinutes: detail ? (input.firstResponseMinutes ?? null) : null,
      resolutionMinutes: detail ? (input.resolutionMinutes ?? null) : null,
    }
    checkRouting(input.level, routing)
    await checkTeam(tx, routing.teamCode)
    const now = ctx.clock.now()
    const created = await insertCategoryIfMissing(tx, {
      code: input.code,
      level: input.level,
      parentId: parent?.id ?? null,
      nameIt: input.nameIt,
      nameEn: input.nameEn,
      process: input.process,
      citizenVisible: input.citizenVisible,
      position: input.position,
      ...routing,
      createdAt: now,
    })
    if (!created) throw new AppError('CONFLICT', { messageKey: 'tickets.category-code-taken' })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'ticket-category.create',
      subjectType: 'ticket-category',
      subjectId: created.id,
      details: { code: input.code, level: input.level, parent: input.parentCode ?? null, ...routing },
    })
    return nodeOf(created, new Map(parent ? [[parent.id, parent.code]] : []))
  })
}

/** Changes a node; turning one off turns off everything under it, so no orphan stays offered. */
export async function updateCategoryNode(
  ctx: Ctx,
  code: string,
  change: CategoryUpdate,
): Promise<CategoryNode> {
  requireSupervisor(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const current = await findCategoryRowByCode(tx, code)
    if (!current) throw new AppError('NOT_FOUND', { messageKey: 'tickets.category-missing' })
    const routingChange =
      current.level === 3
        ? {
            teamCode: change.teamCode ?? current.teamCode,
            firstResponseMinutes: change.firstResponseMinutes ?? current.firstResponseMinutes,
            resolutionMinutes: change.resolutionMinutes ?? current.resolutionMinutes,
          }
        : {}
    if (current.level < 3 && (change.teamCode || change.firstResponseMinutes || change.resolutionMinutes)) {
      throw refuse('tickets.category-routing')
    }
    await checkTeam(tx, change.teamCode)
    const { active, ...rest } = change
    const fields = { ...rest, ...routingChange }
    const updated = Object.keys(fields).length > 0 ? await updateCategory(tx, current.id, fields) : current
    if (active !== undefined) await setSubtreeActive(tx, current.id, active)
    await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'ticket-category.update',
      subjectType: 'ticket-category',
      subjectId: current.id,
      details: { code, change },
    })
    const parent = current.parentId ? await findCategoryRowById(tx, current.parentId) : null
    const row = { ...(updated ?? current), active: active ?? (updated ?? current).active }
    return nodeOf(row, new Map(parent ? [[parent.id, parent.code]] : []))
  })
}

function cannedView(row: CannedReplyRow, codes: Map<string, string>): CannedReplyView {
  return {
    id: row.id,
    categoryCode: row.categoryId ? (codes.get(row.categoryId) ?? null) : null,
    title: row.title,
    bodyIt: row.bodyIt,
    bodyEn: row.bodyEn,
    active: row.active,
  }
}

async function categoryCodes(db: Queryable): Promise<Map<string, string>> {
  return new Map((await listCategories(db)).map((row) => [row.id, row.code]))
}

export async function listCannedReplyViews(ctx: Ctx): Promise<CannedReplyView[]> {
  requireSupervisor(ctx)
  const codes = await categoryCodes(ctx.db)
  return (await listCannedReplies(ctx.db)).map((row) => cannedView(row, codes))
}

export async function createCannedReply(
  ctx: Ctx,
  input: z.infer<typeof ZCannedReplyCreate>,
): Promise<CannedReplyView> {
  requireSupervisor(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const category = input.categoryCode ? await findCategoryRowByCode(tx, input.categoryCode) : null
    if (input.categoryCode && !category) throw refuse('tickets.category-unknown')
    const now = ctx.clock.now()
    const row = await insertCannedReply(tx, {
      categoryId: category?.id ?? null,
      title: input.title,
      bodyIt: input.bodyIt,
      bodyEn: input.bodyEn,
      createdAt: now,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'canned-reply.create',
      subjectType: 'canned-reply',
      subjectId: row.id,
      details: { category: input.categoryCode, title: input.title },
    })
    return cannedView(row, new Map(category ? [[category.id, category.code]] : []))
  })
}

export async function updateCannedReplyText(
  ctx: Ctx,
  id: string,
  change: z.infer<typeof ZCannedReplyUpdate>,
): Promise<CannedReplyView> {
  requireSupervisor(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const row = await updateCannedReply(tx, id, change)
    if (!row) throw new AppError('NOT_FOUND', { messageKey: 'tickets.canned-missing' })
    await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'canned-reply.update',
      subjectType: 'canned-reply',
      subjectId: id,
      details: { change },
    })
    return cannedView(row, await categoryCodes(tx))
  })
}

/** Every team with its assignment rule: the default (claim from the queue) where none is saved. */
export async function listTeamAssignment(ctx: Ctx) {
  requireSupervisor(ctx)
  const saved = new Map((await listTeamSettings(ctx.db)).map((row) => [row.teamCode, row]))
  return (await listTeamCodes(ctx.db)).map((teamCode) => ({
    teamCode,
    assignment: (saved.get(teamCode)?.assignment ?? 'claim') as 'claim' | 'least-loaded',
    escalationEmail: saved.get(teamCode)?.escalationEmail ?? null,
  }))
}

export async function saveTeamAssignment(
  ctx: Ctx,
  teamCode: string,
  input: z.infer<typeof ZTeamSettingsUpdate>,
) {
  requireSupervisor(ctx)
  return inTransaction(ctx.db, async (tx) => {
    if ((await existingTeamCodes(tx, [teamCode])).length === 0) {
      throw new AppError('NOT_FOUND', { messageKey: 'tickets.team-unknown' })
    }
    const now = ctx.clock.now()
    const row = await upsertTeamSettings(tx, { teamCode, ...input, updatedAt: now })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'ticket-team.settings',
      subjectType: 'team',
      subjectId: teamCode,
      details: input,
    })
    return {
      teamCode,
      assignment: row.assignment as 'claim' | 'least-loaded',
      escalationEmail: row.escalationEmail,
    }
  })
}

/** A ticket's canned replies with the placeholders filled for it, in the language asked. */
export async function cannedRepliesForTicket(
  db: Queryable,
  input: { ticket: TicketRow; contact: ContactRow | null; operatorName: string; locale: 'it' | 'en' },
): Promise<{ id: string; title: string; body: string }[]> {
  const city = cityTitle(await getCityProfile({ db: db as ServiceContext['db'] }))
  const values = {
    nome: input.contact?.displayName ?? '',
    codice: input.ticket.code,
    oggetto: input.ticket.subject,
    operatore: input.operatorName,
    città: city,
  }
  return (await listCannedRepliesFor(db, input.ticket.categoryId)).map((row) => ({
    id: row.id,
    title: row.title,
    body: renderCannedReply(input.locale === 'en' && row.bodyEn ? row.bodyEn : row.bodyIt, values),
  }))
}

export async function findActiveCannedReply(db: Queryable, id: string): Promise<CannedReplyRow> {
  const row = await findCannedReply(db, id)
  if (!row?.active) throw new AppError('NOT_FOUND', { messageKey: 'tickets.canned-missing' })
  return row
}
