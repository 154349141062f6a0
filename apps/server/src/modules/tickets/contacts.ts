import type { Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { normalizeFiscalCode } from '../identity/codice-fiscale.js'
import {
  type ContactMatch,
  findAnonymousContactIdByPhone,
  findContactIdByVerifiedEmail,
  insertContact,
  lockContact,
  markContactMerged,
  moveContactHistory,
  searchContacts,
  upsertCitizenContact,
} from './intake-repo.js'
import './intake-messages.js'
import { type ContactRow, findContactById } from './repo.js'

/** Who a request comes from, as the channel knows them. */
export type ContactRef =
  | { fiscalCode: string; name?: string; email?: string; phone?: string }
  | { email: string; verified: boolean; name?: string; phone?: string }
  | { phone: string; name?: string }
  | { anonymous: true; name?: string }

const STAFF_WHO_MERGE = ['operator', 'supervisor'] as const

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** Digits with an optional leading +: how callers' numbers are compared. */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim()
  return `${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`
}

function displayName(name: string | undefined): string {
  return (name ?? '').trim().slice(0, 200)
}

function validFiscalCode(input: string): string {
  const code = normalizeFiscalCode(input)
  if (!code) throw new AppError('VALIDATION_FAILED', { status: 422, messageKey: 'tickets.bad-fiscal-code' })
  return code
}

/**
 * The contact a request belongs to. A fiscal code always means that citizen's one contact. An
 * e-mail address joins an existing contact only when both the stored and the new address are
 * verified — otherwise anyone typing someone's address would write into their folder — and a
 * phone number joins only an anonymous caller with that number; everything else starts a new
 * anonymous contact, which staff can later merge into the citizen it turns out to be.
 */
export async function resolveContact(
  tx: Queryable,
  ref: ContactRef,
  at: Date = new Date(),
): Promise<ContactRow> {
  const name = displayName(ref.name)
  if ('fiscalCode' in ref) {
    return upsertCitizenContact(tx, {
      fiscalCode: validFiscalCode(ref.fiscalCode),
      displayName: name,
      email: ref.email ? normalizeEmail(ref.email) : null,
      phone: ref.phone ? normalizePhone(ref.phone) : null,
      at,
    })
  }
  if ('email' in ref) {
    const email = normalizeEmail(ref.email)
    const known = ref.verified ? await findContactIdByVerifiedEmail(tx, email) : null
    const found = known ? await findContactById(tx, known) : null
    if (found) return found
    return insertContact(tx, {
      displayName: name,
      email,
      emailVerified: ref.verified,
      phone: ref.phone ? normalizePhone(ref.phone) : null,
      createdAt: at,
      updatedAt: at,
    })
  }
  if ('phone' in ref) {
    const phone = normalizePhone(ref.phone)
    const known = await findAnonymousContactIdByPhone(tx, phone)
    const found = known ? await findContactById(tx, known) : null
    if (found) return found
    return insertContact(tx, { displayName: name, phone, createdAt: at, updatedAt: at })
  }
  return insertContact(tx, { displayName: name, createdAt: at, updatedAt: at })
}

function requireMergingStaff(ctx: Pick<ServiceContext, 'actor'>): void {
  const { actor } = ctx
  if (
    actor.type !== 'staff' ||
    !actor.roles.some((role) => (STAFF_WHO_MERGE as readonly string[]).includes(role))
  ) {
    throw new AppError('FORBIDDEN', { internalDetail: 'only operators and supervisors handle contacts' })
  }
}

export interface MergedContact {
  contactId: string
  citizenContactId: string
  movedTickets: number
  movedCalls: number
}

/**
 * An anonymous contact turned out to be a known citizen: its tickets and calls move to the
 * citizen's contact (made if needed) and it keeps a pointer there, so later mail from the same
 * verified address lands with the citizen too.
 */
export async function mergeContactIntoCitizen(
  ctx: ServiceContext,
  input: { contactId: string; fiscalCode: string },
): Promise<MergedContact> {
  requireMergingStaff(ctx)
  const fiscalCode = validFiscalCode(input.fiscalCode)
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const contact = await lockContact(tx, input.contactId)
    if (!contact) throw new AppError('NOT_FOUND', { messageKey: 'tickets.contact-missing' })
    if (contact.fiscalCode) throw new AppError('CONFLICT', { messageKey: 'tickets.contact-is-citizen' })
    if (contact.mergedIntoId) throw new AppError('CONFLICT', { messageKey: 'tickets.contact-already-merged' })
    const citizen = await upsertCitizenContact(tx, {
      fiscalCode,
      displayName: contact.displayName,
      email: contact.email && contact.emailVerified ? contact.email : null,
      phone: contact.phone,
      at: now,
    })
    const moved = await moveContactHistory(tx, contact.id, citizen.id)
    await markContactMerged(tx, contact.id, citizen.id, now)
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'ticket-contact.merged',
      subjectType: 'ticket-contact',
      subjectId: contact.id,
      details: { into: citizen.id, fiscalCode, tickets: moved.tickets, calls: moved.calls },
    })
    return {
      contactId: contact.id,
      citizenContactId: citizen.id,
      movedTickets: moved.tickets,
      movedCalls: moved.calls,
    }
  })
}

const MAX_MATCHES = 20
const MIN_PHONE_DIGITS = 6

/** Reads a console search: a fiscal code, an e-mail address or a phone number. */
export function parseContactQuery(q: string): { fiscalCode?: string; email?: string; phone?: string } {
  const text = q.trim()
  const fiscalCode = normalizeFiscalCode(text)
  if (fiscalCode) return { fiscalCode }
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return { email: normalizeEmail(text) }
  const phone = normalizePhone(text)
  if (/^[+\d\s().-]+$/.test(text) && phone.replace('+', '').length >= MIN_PHONE_DIGITS) return { phone }
  throw new AppError('VALIDATION_FAILED', { status: 422, messageKey: 'tickets.contact-query' })
}

/** The console's lookup of whom a caller or writer may be; reading people's contacts is audited. */
export async function findContacts(ctx: ServiceContext, q: string): Promise<ContactMatch[]> {
  requireMergingStaff(ctx)
  const query = parseContactQuery(q)
  const matches = await searchContacts(ctx.db, query, MAX_MATCHES)
  await inTransaction(ctx.db, (tx) =>
    recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'ticket-contact.searched',
      subjectType: 'ticket-contact',
      subjectId: matches.length === 1 ? (matches[0]?.id ?? null) : null,
      details: { by: Object.keys(query)[0] ?? '', matches: matches.length },
    }),
  )
  return matches
}
