import type { Transaction } from '../../db/client.js'
import { recordAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import type { Locale } from '../../platform/i18n.js'
import { readableCode, timeOrderedUuid } from '../../platform/ids.js'
import { romeDateAndMinutes } from '../../platform/rome-time.js'
import { getMyAccount } from '../identity/contact-service.js'
import { type IncomingFile, inAttachmentTransaction, storeAttachments } from './attachments.js'
import { loadBusinessCalendar } from './business-calendar.js'
import { type ContactRef, resolveContact } from './contacts.js'
import type { TicketsContext } from './context.js'
import { consumeEmailProof } from './email-challenge.js'
import { findTicketByExternalRef, insertTicketUnlessCodeTaken, lockExternalRef } from './intake-repo.js'
import './intake-messages.js'
import { notifyTicketContact } from './mail-out.js'
import { type TicketChannel, type TicketStatus, TRIAGE_TARGETS, TRIAGE_TEAM } from './policy.js'
import {
  type CategoryWithParents,
  findCategoryByCode,
  findTicketById,
  insertEvent,
  insertMessage,
  type TicketRow,
} from './repo.js'
import { slaDueDates } from './sla.js'
import { assignByRule } from './workflow.js'

export type { IncomingFile } from './attachments.js'
export type { ContactRef } from './contacts.js'

export interface OpenTicketInput {
  channel: TicketChannel
  contact: ContactRef
  /** A level-3 detail; none for what nobody has classified yet (it goes to triage). */
  categoryCode?: string | null
  subject: string
  body: string
  authorName?: string
  /** The integration's own id: opening again with the same one answers the same ticket. */
  externalRef?: string
  emailMessageId?: string
  attachments?: IncomingFile[]
  /** The language of the acknowledgement; the request's language by default. */
  locale?: Locale
}

export interface OpenedTicket {
  id: string
  code: string
  status: TicketStatus
  teamCode: string
  contactId: string
  createdAt: Date
  /** False when an integration's reference was already used: the existing ticket is answered. */
  created: boolean
  /** The first message, to which later files of the same submission belong. */
  messageId: string | null
}

const MAX_SUBJECT_LENGTH = 200
const CODE_ATTEMPTS = 5

/** `R` + the year in Rome + six readable characters: R2026-K7P3QX. */
export function newTicketCode(at: Date): string {
  return `R${romeDateAndMinutes(at.getTime()).date.slice(0, 4)}-${readableCode(6)}`
}

function openedOf(ticket: TicketRow, created: boolean, messageId: string | null): OpenedTicket {
  return {
    id: ticket.id,
    code: ticket.code,
    status: ticket.status as TicketStatus,
    teamCode: ticket.teamCode,
    contactId: ticket.contactId,
    createdAt: ticket.createdAt,
    created,
    messageId,
  }
}

/** A detail tickets may be filed under: level 3 and active; anything else is refused. */
export async function findOpenableDetail(tx: Transaction, code: string): Promise<CategoryWithParents> {
  const category = await findCategoryByCode(tx, code)
  if (category?.level !== 3 || !category.active) {
    throw new AppError('VALIDATION_FAILED', {
      status: 422,
      messageKey: 'tickets.unknown-category',
      internalDetail: `no openable detail ${code}`,
    })
  }
  return category
}

// Messages say how they came; a letter to the mayor or a problem report is written on the web.
function messageChannelOf(channel: TicketChannel): string {
  return channel === 'mayor' || channel === 'report' ? 'web' : channel
}

/**
 * Opens a ticket in the caller's transaction: its contact, its routing (the detail's team and
 * targets, or triage), its first message and files, the public 'created' event and the audit row;
 * then the team's assignment rule runs and the contact hears that the request arrived.
 */
export async function openTicketInTx(
  tx: Transaction,
  ctx: TicketsContext,
  input: OpenTicketInput,
): Promise<OpenedTicket> {
  const now = ctx.clock.now()
  if (input.externalRef) {
    await lockExternalRef(tx, input.channel, input.externalRef)
    const existing = await findTicketByExternalRef(tx, input.channel, input.externalRef)
    if (existing) return openedOf(existing, false, null)
  }
  const category = input.categoryCode ? await findOpenableDetail(tx, input.categoryCode) : null
  const contact = await resolveContact(tx, input.contact, now)
  const teamCode = category?.teamCode ?? TRIAGE_TEAM
  const targets =
    category?.firstResponseMinutes && category.resolutionMinutes
      ? { firstResponseMinutes: category.firstResponseMinutes, resolutionMinutes: category.resolutionMinutes }
      : TRIAGE_TARGETS
  const calendar = await loadBusinessCalendar({ db: tx }, ctx.tickets)
  const due = slaDueDates(calendar, now, targets)
  const id = timeOrderedUuid(now.getTime())
  const subject = input.subject.trim().slice(0, MAX_SUBJECT_LENGTH)
  let ticket: TicketRow | null = null
  for (let attempt = 0; !ticket && attempt < CODE_ATTEMPTS; attempt++) {
    ticket = await insertTicketUnlessCodeTaken(tx, {
      id,
      code: newTicketCode(now),
      contactId: contact.id,
      channel: input.channel,
      categoryId: category?.id ?? null,
      teamCode,
      status: 'new',
      subject,
      externalRef: input.externalRef ?? null,
      firstResponseDueAt: due.firstResponseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      createdAt: now,
      lastActivityAt: now,
    })
  }
  if (!ticket) throw new Error('no free ticket code after several attempts')
  const message = await insertMessage(tx, {
    id: timeOrderedUuid(now.getTime()),
    ticketId: id,
    kind: 'inbound',
    channel: messageChannelOf(input.channel),
    authorName: (input.authorName ?? contact.displayName).trim().slice(0, 200),
    body: input.body,
    emailMessageId: input.emailMessageId ?? null,
    createdAt: now,
  })
  await insertEvent(tx, {
    ticketId: id,
    kind: 'created',
    toStatus: 'new',
    teamCode,
    staffId: ctx.actor.type === 'staff' ? ctx.actor.id : null,
    public: true,
    occurredAt: now,
  })
  const stored = await storeAttachments(tx, ctx, {
    ticketId: id,
    messageId: message.id,
    files: input.attachments ?? [],
  })
  await recordAudit(tx, ctx.actor, ctx.meta, now, {
    action: 'ticket.opened',
    subjectType: 'ticket',
    subjectId: id,
    details: {
      code: ticket.code,
      channel: input.channel,
      teamCode,
      category: category?.code ?? null,
      contactId: contact.id,
      attachments: stored.length,
    },
  })
  await assignByRule(tx, ctx, id)
  await notifyTicketContact(tx, ctx, {
    ticketId: id,
    kind: 'received',
    locale: input.locale ?? ctx.meta.locale,
  })
  return openedOf((await findTicketById(tx, id)) ?? ticket, true, message.id)
}

/** Opens a ticket in its own transaction; files written are removed again if it fails. */
export async function openTicket(ctx: TicketsContext, input: OpenTicketInput): Promise<OpenedTicket> {
  return inAttachmentTransaction(ctx, (tx) => openTicketInTx(tx, ctx, input))
}

export interface CityWriting {
  categoryCode: string
  subject: string
  body: string
  phone?: string
  attachments: IncomingFile[]
  /** Without a citizen session: the address verified with a code, and its proof. */
  email?: string
  proof?: string
  name?: string
  /** The "Posta del Sindaco" form: only the mayor's details are offered there. */
  toMayor?: boolean
}

/**
 * "Scrivi al Comune": a signed-in citizen (or whoever they act for), or someone who just verified
 * an e-mail address, writes under a detail offered to citizens. A detail handled as a letter to
 * the mayor arrives on the mayor's channel.
 */
export async function writeToCity(ctx: TicketsContext, input: CityWriting): Promise<OpenedTicket> {
  const { actor } = ctx
  if (actor.type !== 'citizen' && actor.type !== 'anonymous') {
    throw new AppError('FORBIDDEN', { messageKey: 'tickets.citizens-only' })
  }
  // The console shows whom it is from: the signed-in citizen's own name (not when acting for someone).
  const ownName =
    actor.type === 'citizen' && !actor.onBehalfOf
      ? await getMyAccount(ctx).then(
          (account) => `${account.givenName} ${account.familyName}`.trim(),
          () => undefined,
        )
      : undefined
  return inAttachmentTransaction(ctx, async (tx) => {
    let contact: ContactRef
    if (actor.type === 'citizen') {
      contact = { fiscalCode: actor.onBehalfOf ?? actor.fiscalCode, name: ownName, phone: input.phone }
    } else {
      if (!input.email || !input.proof) {
        throw new AppError('VALIDATION_FAILED', { status: 422, messageKey: 'tickets.email-proof-required' })
      }
      const { email } = await consumeEmailProof(tx, {
        email: input.email,
        proof: input.proof,
        at: ctx.clock.now(),
      })
      contact = { email, verified: true, name: input.name, phone: input.phone }
    }
    const detail = await findOpenableDetail(tx, input.categoryCode)
    if (!detail.citizenVisible) {
      throw new AppError('VALIDATION_FAILED', { status: 422, messageKey: 'tickets.unknown-category' })
    }
    const mayorLetter = detail.process === 'mayor-letter'
    if (input.toMayor && !mayorLetter) {
      throw new AppError('VALIDATION_FAILED', { status: 422, messageKey: 'tickets.not-mayor-category' })
    }
    return openTicketInTx(tx, ctx, {
      channel: mayorLetter ? 'mayor' : 'web',
      contact,
      categoryCode: detail.code,
      subject: input.subject,
      body: input.body,
      authorName: input.name,
      attachments: input.attachments,
    })
  })
}
