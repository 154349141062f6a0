import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import type { TimelinePage } from '../../platform/timeline-source.js'
import {
  certificateFiles,
  certificateKeys,
  certificateProtocolCounters,
  certificateStamps,
  certificates,
} from './tables.js'

export type CertificateRow = typeof certificates.$inferSelect

export async function listSealKeys(db: Queryable) {
  return db.select().from(certificateKeys).orderBy(asc(certificateKeys.createdAt), asc(certificateKeys.id))
}

export async function findSealKey(db: Queryable, id: string) {
  const [row] = await db.select().from(certificateKeys).where(eq(certificateKeys.id, id))
  return row ?? null
}

export async function insertSealKeyOnce(db: Queryable, row: typeof certificateKeys.$inferInsert) {
  await db.insert(certificateKeys).values(row).onConflictDoNothing()
}

export async function insertCertificate(
  db: Queryable,
  row: typeof certificates.$inferInsert,
): Promise<CertificateRow> {
  const [inserted] = await db.insert(certificates).values(row).returning()
  if (!inserted) throw new Error('certificate not inserted')
  return inserted
}

/** Claims a declared stamp for a certificate; false when the stamp was used before. */
export async function claimStamp(
  db: Queryable,
  row: typeof certificateStamps.$inferInsert,
): Promise<boolean> {
  const inserted = await db
    .insert(certificateStamps)
    .values(row)
    .onConflictDoNothing()
    .returning({ stampId: certificateStamps.stampId })
  return inserted.length > 0
}

/**
 * The next protocol number of the year. The counter row stays locked until the issuing transaction
 * ends, so numbers are handed out in order and a rolled-back issue gives its number back: no gaps.
 */
export async function nextProtocolNumber(db: Queryable, year: number): Promise<number> {
  const [row] = await db
    .insert(certificateProtocolCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: certificateProtocolCounters.year,
      set: { lastNumber: sql`${certificateProtocolCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: certificateProtocolCounters.lastNumber })
  if (!row) throw new Error('protocol counter not advanced')
  return row.lastNumber
}

export async function lockCertificate(db: Queryable, id: string): Promise<CertificateRow | null> {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, id)).for('update')
  return row ?? null
}

export async function markIssued(
  db: Queryable,
  id: string,
  issued: Pick<
    CertificateRow,
    'protocolYear' | 'protocolNumber' | 'issuedAt' | 'validUntil' | 'content' | 'seal' | 'keyId' | 'pdfSha256'
  >,
  pdf: Buffer,
) {
  await db
    .update(certificates)
    .set({ ...issued, status: 'issued' })
    .where(eq(certificates.id, id))
  await db.insert(certificateFiles).values({ certificateId: id, pdf })
}

export async function findCertificate(db: Queryable, id: string): Promise<CertificateRow | null> {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, id))
  return row ?? null
}

export async function findByVerificationCode(db: Queryable, code: string): Promise<CertificateRow | null> {
  const [row] = await db.select().from(certificates).where(eq(certificates.verificationCode, code))
  return row ?? null
}

export async function findByPaymentPosition(
  db: Queryable,
  positionId: string,
): Promise<CertificateRow | null> {
  const [row] = await db.select().from(certificates).where(eq(certificates.paymentPositionId, positionId))
  return row ?? null
}

export async function findPdf(db: Queryable, certificateId: string): Promise<Buffer | null> {
  const [row] = await db
    .select({ pdf: certificateFiles.pdf })
    .from(certificateFiles)
    .where(eq(certificateFiles.certificateId, certificateId))
  return row?.pdf ?? null
}

/** Certificates a citizen asked for, about themself or a family member, newest first. */
export async function listRequestedBy(db: Queryable, requesterFiscalCode: string, limit: number) {
  return db
    .select()
    .from(certificates)
    .where(eq(certificates.requesterFiscalCode, requesterFiscalCode))
    .orderBy(desc(certificates.createdAt))
    .limit(limit)
}

export async function listAbout(db: Queryable, subjectFiscalCode: string, limit: number) {
  return db
    .select()
    .from(certificates)
    .where(and(eq(certificates.subjectFiscalCode, subjectFiscalCode), eq(certificates.status, 'issued')))
    .orderBy(desc(certificates.createdAt))
    .limit(limit)
}

export async function setPaymentPosition(db: Queryable, id: string, positionId: string) {
  await db.update(certificates).set({ paymentPositionId: positionId }).where(eq(certificates.id, id))
}

export async function findStamp(db: Queryable, certificateId: string) {
  const [row] = await db
    .select()
    .from(certificateStamps)
    .where(eq(certificateStamps.certificateId, certificateId))
  return row ?? null
}

/** Certificates a citizen asked for, for the operators' timeline, newest first. */
/** The certificates a citizen requested, newest first, as their part of the CRM's 360° view. */
export function requestedCertificatesTimelineSql(requesterFiscalCode: string, page: TimelinePage): SQL {
  return sql`select 'certificate' as kind, ${certificates.createdAt} as at, ${certificates.id}::text as reference,
      ${certificates.status} as status, ${certificates.type} as title, null::text as detail, null::text as channel,
      null::int as amount_cents, null::text as team_code
    from ${certificates}
    where ${certificates.requesterFiscalCode} = ${requesterFiscalCode}
      ${page.before ? sql`and ${certificates.createdAt} < ${page.before.toISOString()}::timestamptz` : sql``}
    order by ${certificates.createdAt} desc
    limit ${page.limit}`
}
