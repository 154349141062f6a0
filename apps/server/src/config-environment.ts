import { z } from 'zod'

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

// "noreply@comune.it" or "Comune di Milano <noreply@comune.it>".
const MAIL_FROM_SHAPE = /^(?:[^<>@]+ <[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/

/** Every environment variable Civico reads, with its default and what a bad value is told. */
export const ZEnvironment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  WORKER_IN_PROCESS: booleanFromEnv.default(true),
  /** Outside production: the platform's clock starts at this instant and runs on from it (demos, journeys about a given day). */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  TRUST_PROXY: booleanFromEnv.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  DEFAULT_LOCALE: z.enum(['it', 'en']).default('it'),
  SEED_ON_START: booleanFromEnv.optional(),
  DEMO_CITIZENS: z.coerce.number().int().min(0).max(2_000_000).default(1000),
  WEB_DIST_DIR: z.string().min(1).optional(),
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  NEWSLETTER_MAX_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(100),
  NEWSLETTER_SUBSCRIBE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** The second language of bilingual certificates where the law gives one (Alto Adige, Friuli, Valle d'Aosta). */
  CERTIFICATE_SECOND_LANGUAGE: z.enum(['none', 'de', 'sl', 'fr']).default('none'),
  CERTIFICATE_FEE_CENTS: z.coerce.number().int().min(0).max(10_000).default(0),
  CERTIFICATE_FEE_EXEMPT_CENTS: z.coerce.number().int().min(0).max(10_000).default(0),
  CERTIFICATE_OFFICER: z.string().min(1).max(120).default('L’Ufficiale d’Anagrafe delegato'),
  CERTIFICATE_OFFICE: z.string().min(1).max(160).default('Servizi Civici – Ufficio Anagrafe'),
  /** The city's Ed25519 sealing key (PKCS#8 PEM); without it one is made on first use and stored. */
  CERTIFICATE_SEAL_PRIVATE_KEY: z.string().optional(),
  PAGOPA_SEGREGATION_CODE: z
    .string()
    .regex(/^[0-4]\d$/, 'must be the two-digit segregation code pagoPA assigned, 00 to 49')
    .default('01'),
  PAGOPA_CHECKOUT_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default('https://api.platform.pagopa.it/checkout/ec/v1'),
  PAGOPA_CHECKOUT_KEY: z.string().min(16, 'must be the Checkout subscription key').optional(),
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  DEV_IDP: booleanFromEnv.optional(),
  OIDC_CITIZEN_ISSUER: z.url().optional(),
  OIDC_CITIZEN_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CITIZEN_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_CITIZEN_SCOPES: z.string().min(1).default('openid profile email'),
  OIDC_FISCAL_CODE_CLAIM: z.string().min(1).default('https://attributes.eid.gov.it/fiscal_number'),
  OIDC_STAFF_ISSUER: z.url().optional(),
  OIDC_STAFF_CLIENT_ID: z.string().min(1).optional(),
  OIDC_STAFF_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_STAFF_SCOPES: z.string().min(1).default('openid profile email'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@relay:587')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(MAIL_FROM_SHAPE, 'must be an address or "Name <address>", e.g. Comune <noreply@comune.example.it>')
    .optional(),
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  SMS_GATEWAY_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  IO_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default('https://api.io.pagopa.it/api/v1'),
  IO_API_KEY: z.string().min(16, 'must be the IO service subscription key').optional(),
  TICKETS_REOPEN_DAYS: z.coerce.number().int().min(0).max(365).default(10),
  TICKETS_BUSINESS_HOURS: z
    .string()
    .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'must be HH:MM-HH:MM, e.g. 08:30-17:30')
    .default('08:30-17:30'),
  TICKETS_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(10_000_000),
  TICKETS_INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  TICKETS_INBOUND_IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\/[^\s]+$/, 'must be an imap:// or imaps:// URL, e.g. imaps://user:pass@mail:993/INBOX')
    .optional(),
  MAP_TILES_URL: z
    .string()
    .regex(
      /^https:\/\/[^\s]*\{z\}[^\s]*\{x\}[^\s]*\{y\}[^\s]*$/,
      'must be an https tile URL with {z}, {x} and {y}',
    )
    .optional(),
  MAP_TILES_ATTRIBUTION: z.string().min(1).max(300).optional(),
  MAP_CENTER: z
    .string()
    .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, 'must be lat,long in degrees, e.g. 45.4642,9.1900')
    .default('45.4642,9.1900'),
  MAP_ZOOM: z.coerce.number().int().min(3).max(19).default(13),
  FILES_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  FILES_S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a bucket name: 3-63 lower-case letters, digits, dots or hyphens',
    )
    .optional(),
  FILES_S3_REGION: z.string().min(1).max(64).optional(),
  FILES_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  FILES_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  PUSH_CONTACT: z
    .string()
    .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, 'must be mailto:address or an https URL')
    .optional(),
})

export type Environment = z.infer<typeof ZEnvironment>
