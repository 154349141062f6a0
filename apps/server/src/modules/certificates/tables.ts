import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite answers a Uint8Array, node-postgres a Buffer: both become a Buffer.
  fromDriver: (value) => Buffer.from(value),
})
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

export const CERTIFICATE_STATUSES = ['awaiting-payment', 'issued', 'cancelled'] as const

/**
 * A certificate request and, once issued, the certificate: what was certified (the signed content),
 * its protocol number, how stamp duty was settled, and the hash of the PDF handed out.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The public code of the verification page and the QR code. */
    verificationCode: text('verification_code').notNull(),
    type: text('type').notNull(),
    language: text('language').notNull(),
    subjectFiscalCode: text('subject_fiscal_code').notNull(),
    requesterFiscalCode: text('requester_fiscal_code').notNull(),
    purpose: text('purpose').notNull(),
    forUseAbroad: boolean('for_use_abroad').notNull().default(false),
    stampMode: text('stamp_mode').notNull(),
    exemption: text('exemption'),
    stampCents: integer('stamp_cents').notNull(),
    feesCents: integer('fees_cents').notNull(),
    status: text('status').notNull(),
    paymentPositionId: uuid('payment_position_id'),
    protocolYear: integer('protocol_year'),
    protocolNumber: integer('protocol_number'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    validUntil: date('valid_until'),
    /** The certified content, exactly as signed. */
    content: jsonb('content'),
    /** Ed25519 signature (base64) of the content, by the key `keyId`. */
    seal: text('seal'),
    keyId: text('key_id'),
    pdfSha256: text('pdf_sha256'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('certificates_verification_idx').on(table.verificationCode),
    uniqueIndex('certificates_protocol_idx').on(table.protocolYear, table.protocolNumber),
    index('certificates_subject_idx').on(table.subjectFiscalCode, table.createdAt),
    index('certificates_requester_idx').on(table.requesterFiscalCode, table.createdAt),
    index('certificates_position_idx').on(table.paymentPositionId),
    check('certificates_status_check', sql`${table.status} in ('awaiting-payment', 'issued', 'cancelled')`),
    check('certificates_stamp_check', sql`${table.stampMode} in ('pay', 'declared', 'exempt', 'none')`),
  ],
)

/** The PDF as issued, kept so the citizen downloads the very bytes that were sealed. */
export const certificateFiles = pgTable('certificate_files', {
  certificateId: uuid('certificate_id')
    .primaryKey()
    .references(() => certificates.id, { onDelete: 'cascade' }),
  pdf: bytea('pdf').notNull(),
})

/** A declared marca da bollo: each identifier serves one certificate only. */
export const certificateStamps = pgTable('certificate_stamps', {
  stampId: text('stamp_id').primaryKey(),
  stampDate: date('stamp_date').notNull(),
  certificateId: uuid('certificate_id')
    .notNull()
    .references(() => certificates.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
})

/** Gap-free protocol numbers: one row per year, incremented in the transaction that issues. */
export const certificateProtocolCounters = pgTable(
  'certificate_protocol_counters',
  {
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (table) => [primaryKey({ columns: [table.year] })],
)

/** The city's sealing keys (Ed25519); the newest active one signs, every one still verifies. */
export const certificateKeys = pgTable('certificate_keys', {
  id: text('id').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: createdAt(),
})
