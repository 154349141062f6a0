import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

/** A citizen who signed in at least once; matched to the registry by fiscal code when possible. */
export const citizenAccounts = pgTable('citizen_accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  fiscalCode: text('fiscal_code').notNull().unique(),
  personId: uuid('person_id'),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  birthDate: text('birth_date'),
  email: text('email'),
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  mobilePhone: text('mobile_phone'),
  mobilePhoneVerifiedAt: timestamp('mobile_phone_verified_at', { withTimezone: true }),
  locale: text('locale').notNull().default('it'),
  createdAt: createdAt(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
})

export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subject: text('subject').notNull().unique(),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    roles: text('roles').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (table) => [
    check(
      'staff_accounts_roles_check',
      sql`${table.roles} <@ array['operator', 'supervisor', 'analyst', 'admin']::text[]`,
    ),
  ],
)

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
})

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffAccounts.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.teamId, table.staffId] }),
    index('team_members_staff_idx').on(table.staffId),
  ],
)

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: text('kind').notNull(),
    accountId: uuid('account_id').notNull(),
    level: integer('level').notNull(),
    method: text('method').notNull(),
    csrfToken: text('csrf_token').notNull(),
    // Fiscal code of the minor or delegator the citizen chose to act for in this session.
    actingFor: text('acting_for'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (table) => [
    index('sessions_account_idx').on(table.accountId),
    check('sessions_kind_check', sql`${table.kind} in ('citizen', 'staff')`),
    check('sessions_level_check', sql`${table.level} between 1 and 3`),
  ],
)

/** One OIDC round trip in progress: state, nonce and PKCE verifier, usable once. */
export const loginAttempts = pgTable('login_attempts', {
  state: text('state').primaryKey(),
  kind: text('kind').notNull(),
  provider: text('provider').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  requestedLevel: integer('requested_level').notNull(),
  returnTo: text('return_to').notNull(),
  stepUpOf: text('step_up_of'),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  consumedAt: timestamp('consumed_at', { withTimezone: true }),
})

/** An explicit delega: one adult lets another act for them, within scopes, until a date. */
export const delegations = pgTable(
  'delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    delegatorFiscalCode: text('delegator_fiscal_code').notNull(),
    delegateFiscalCode: text('delegate_fiscal_code').notNull(),
    scopes: text('scopes').array().notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index('delegations_delegate_idx').on(table.delegateFiscalCode),
    index('delegations_delegator_idx').on(table.delegatorFiscalCode),
    check('delegations_not_self', sql`${table.delegatorFiscalCode} <> ${table.delegateFiscalCode}`),
    check('delegations_period', sql`${table.validUntil} > ${table.validFrom}`),
  ],
)

/** Machine clients (telephony, Open311 integrators): the key is shown once, only its hash is kept. */
export const apiClients = pgTable('api_clients', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  keyPrefix: text('key_prefix').notNull().unique(),
  keyHash: text('key_hash').notNull(),
  scopes: text('scopes').array().notNull(),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
})

/** A one-time code sent to an e-mail address or mobile number to prove the citizen owns it. */
export const contactVerifications = pgTable(
  'contact_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => citizenAccounts.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    target: text('target').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (table) => [
    index('contact_verifications_account_idx').on(table.accountId),
    check('contact_verifications_channel_check', sql`${table.channel} in ('email', 'sms')`),
  ],
)
