import { and, asc, desc, eq, lt, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
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
export async function listRequestedForTimeline(
  db: Queryable,
  requesterFiscalCode: string,
  page: { before?: Date; limit: number },
) {
  const conditions = [eq(certificates.requesterFiscalCode, requesterFiscalCode)]
  if (page.before) conditions.push(lt(certificates.createdAt, page.before))
  return db
    .select({
      id: certificates.id,
      type: certificates.type,
      status: certificates.status,
      subjectFiscalCode: certificates.subjectFiscalCode,
      createdAt: certificates.createdAt,
      issuedAt: certificates.issuedAt,
    })
    .from(certificates)
    .where(and(...conditions))
    .orderBy(desc(certificates.createdAt))
    .limit(page.limit)
}
