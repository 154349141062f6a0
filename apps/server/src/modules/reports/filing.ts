import type { Transaction } from '../../db/client.js'
import { recordAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { readableCode, timeOrderedUuid } from '../../platform/ids.js'
import { romeDateAndMinutes } from '../../platform/rome-time.js'
import { getMyAccount } from '../identity/contact-service.js'
import { inAttachmentTransaction } from '../tickets/attachments.js'
import type { TicketsContext } from '../tickets/context.js'
import { consumeEmailProof } from '../tickets/email-challenge.js'
import { type ContactRef, type OpenedTicket, openTicketInTx } from '../tickets/intake.js'
import { categoryName, type ReportCategory, requireReportCategory } from './categories.js'
import './messages.js'
import { reportPageUrl } from './notices.js'
import { type ProcessedPhoto, processPhotos } from './photos.js'
import type { Point } from './policy.js'
import { insertPhotos, insertReport, insertStatusChange, type ReportRow } from './repo.js'

export type ReportsContext = TicketsContext

export interface ReportPlace {
  point?: Point
  address?: string
}

interface Filing extends ReportPlace {
  categoryCode: string
  description: string
  photos: readonly Uint8Array[]
  source: 'web' | 'open311'
  reporter: { fiscalCode?: string; email?: string; name?: string; phone?: string; apiClientId?: string }
  /** Who the CRM ticket is from. */
  contact: (tx: Transaction) => Promise<ContactRef>
}

export interface FiledReport {
  report: ReportRow
  ticket: OpenedTicket
}

/** `S` + the year in Rome + six readable characters: S2026-K7P3QX. */
function newReportCode(at: Date): string {
  return `S${romeDateAndMinutes(at.getTime()).date.slice(0, 4)}-${readableCode(6)}`
}

function placeText(place: ReportPlace): string {
  const lines = []
  if (place.address) lines.push(`Indirizzo: ${place.address}`)
  if (place.point) lines.push(`Posizione: ${place.point.lat.toFixed(6)}, ${place.point.long.toFixed(6)}`)
  return lines.join('\n')
}

async function storePhotos(ctx: ReportsContext, reportId: string, photos: readonly ProcessedPhoto[]) {
  const written: string[] = []
  const rows = []
  try {
    for (const [index, photo] of photos.entries()) {
      const base = `reports/${reportId}/${index + 1}`
      await ctx.files.put(`${base}.jpg`, photo.photo, 'image/jpeg')
      written.push(`${base}.jpg`)
      await ctx.files.put(`${base}-thumb.jpg`, photo.thumbnail, 'image/jpeg')
      written.push(`${base}-thumb.jpg`)
      rows.push({
        id: timeOrderedUuid(),
        reportId,
        position: index + 1,
        storageKey: `${base}.jpg`,
        thumbnailKey: `${base}-thumb.jpg`,
        width: photo.width,
        height: photo.height,
        sizeBytes: photo.photo.length,
        createdAt: ctx.clock.now(),
      })
    }
    return { rows, written }
  } catch (error) {
    await Promise.allSettled(written.map((key) => ctx.files.remove(key)))
    throw error
  }
}

/**
 * Files a report and the CRM ticket it opens (channel 'report', routed by its detail), in one
 * transaction: photos are re-encoded first, and removed again if anything fails afterwards.
 */
async function fileReport(ctx: ReportsContext, filing: Filing): Promise<FiledReport> {
  const category: ReportCategory = await requireReportCategory(ctx.db, filing.categoryCode)
  const photos = await processPhotos(filing.photos)
  const now = ctx.clock.now()
  const id = timeOrderedUuid(now.getTime())
  const stored = await storePhotos(ctx, id, photos)
  try {
    return await inAttachmentTransaction(ctx, async (tx) => {
      const contact = await filing.contact(tx)
      // Six readable characters a year: a clash is as likely as a lottery win, and then the filing fails.
      const code = newReportCode(now)
      const ticket = await openTicketInTx(tx, ctx, {
        channel: 'report',
        contact,
        categoryCode: category.code,
        subject: `Segnalazione ${code}: ${categoryName(category, 'it')}`,
        body: [filing.description, placeText(filing), reportPageUrl(ctx.publicUrl, code)]
          .filter(Boolean)
          .join('\n\n'),
        authorName: filing.reporter.name,
        externalRef: id,
        attachments: photos.map((photo, index) => ({
          fileName: `foto-${index + 1}.jpg`,
          mediaType: 'image/jpeg',
          bytes: photo.photo,
        })),
      })
      const report = await insertReport(tx, {
        id,
        code,
        ticketId: ticket.id,
        categoryCode: category.code,
        location: filing.point ? { x: filing.point.long, y: filing.point.lat } : null,
        address: filing.address ?? null,
        description: filing.description,
        status: 'open',
        source: filing.source,
        reporterFiscalCode: filing.reporter.fiscalCode ?? null,
        reporterEmail: filing.reporter.email ?? null,
        reporterName: filing.reporter.name ?? null,
        apiClientId: filing.reporter.apiClientId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      await insertPhotos(tx, stored.rows)
      await insertStatusChange(tx, { id: timeOrderedUuid(), reportId: id, status: 'open', occurredAt: now })
      await recordAudit(tx, ctx.actor, ctx.meta, now, {
        action: 'report.filed',
        subjectType: 'report',
        subjectId: id,
        details: {
          code,
          category: category.code,
          source: filing.source,
          ticket: ticket.code,
          photos: photos.length,
        },
      })
      return { report, ticket }
    })
  } catch (error) {
    await Promise.allSettled(stored.written.map((key) => ctx.files.remove(key)))
    throw error
  }
}

export interface WebReport extends ReportPlace {
  categoryCode: string
  description: string
  photos: readonly Uint8Array[]
  email?: string
  proof?: string
  name?: string
}

/** A report from the web: a signed-in citizen (or whoever they act for), or a verified e-mail. */
export async function createReport(ctx: ReportsContext, input: WebReport): Promise<FiledReport> {
  const { actor } = ctx
  if (actor.type === 'citizen') {
    const fiscalCode = actor.onBehalfOf ?? actor.fiscalCode
    const name = actor.onBehalfOf
      ? undefined
      : await getMyAccount(ctx).then(
          (account) => `${account.givenName} ${account.familyName}`.trim(),
          () => undefined,
        )
    return fileReport(ctx, {
      ...input,
      source: 'web',
      reporter: { fiscalCode, name },
      contact: async () => ({ fiscalCode, name }),
    })
  }
  if (actor.type !== 'anonymous') throw new AppError('FORBIDDEN', { messageKey: 'reports.citizens-only' })
  const { email, proof } = input
  if (!email || !proof) {
    throw new AppError('VALIDATION_FAILED', { status: 422, messageKey: 'reports.email-proof-required' })
  }
  return fileReport(ctx, {
    ...input,
    source: 'web',
    reporter: { email: email.trim().toLowerCase(), name: input.name },
    contact: async (tx) => {
      const verified = await consumeEmailProof(tx, { email, proof, at: ctx.clock.now() })
      return { email: verified.email, verified: true, name: input.name }
    },
  })
}

export interface Open311Filing extends ReportPlace {
  serviceCode: string
  description: string
  email?: string
  name?: string
  phone?: string
  apiClientId: string
}

/** A request from an Open311 client: the reporter's e-mail, when given, is the client's word only. */
export async function createOpen311Report(ctx: ReportsContext, input: Open311Filing): Promise<FiledReport> {
  const email = input.email?.trim().toLowerCase()
  return fileReport(ctx, {
    categoryCode: input.serviceCode,
    description: input.description,
    point: input.point,
    address: input.address,
    photos: [],
    source: 'open311',
    reporter: { email, name: input.name, phone: input.phone, apiClientId: input.apiClientId },
    contact: async () =>
      email
        ? { email, verified: false, name: input.name, phone: input.phone }
        : input.phone
          ? { phone: input.phone, name: input.name }
          : { anonymous: true, name: input.name },
  })
}
