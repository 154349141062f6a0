import path from 'node:path'
import { type Environment, ZEnvironment } from './config-environment.js'

export type Config = {
  env: 'development' | 'production' | 'test'
  /** Where the platform's clock starts, outside production; null = the system's time. */
  clockStart: Date | null
  host: string
  port: number
  publicUrl: string
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number }
  dataDir: string
  log: { level: string; pretty: boolean }
  workerInProcess: boolean
  trustProxy: boolean
  bodyLimitBytes: number
  shutdownTimeoutMs: number
  defaultLocale: 'it' | 'en'
  seedOnStart: boolean
  demoCitizens: number
  webDistDir: string
  session: { idleMs: number; absoluteMs: number; secureCookie: boolean }
  /** Sign-in requests (start and return) allowed per client address and minute, per process. */
  signInRateLimitPerMinute: number
  /** Campaign e-mails a second the relay accepts, and subscription requests a minute per address. */
  newsletter: { maxPerSecond: number; subscribeLimitPerMinute: number }
  /** How often the queue looks for jobs whose worker died (and so how soon they run again). */
  jobsMaintenanceSeconds: number
  /** Registry certificates: languages, secretariat fees, who signs, and the sealing key. */
  certificates: {
    secondLanguage: 'de' | 'sl' | 'fr' | null
    fees: { withStampCents: number; exemptCents: number }
    officer: string
    office: string
    sealPrivateKey: string | null
  }
  /**
   * pagoPA: the city's segregation code for notices, and where citizens pay — pagoPA
   * Checkout with the city's key, the sandbox outside production, or nowhere.
   */
  payments: {
    segregationCode: string
    provider: { kind: 'sandbox' } | { kind: 'pagopa-checkout'; url: string; key: string } | { kind: 'off' }
  }
  /** The bundled OpenID provider at /dev-idp: on by default outside production, never in production. */
  devIdentityProvider: boolean
  oidc: { citizen: OidcClientConfig; staff: OidcClientConfig; fiscalCodeClaim: string }
  /** Outbound e-mail: the dev outbox (stored, shown at /dev/outbox) unless an SMTP relay is configured. */
  mail: { from: string; transport: { kind: 'dev-outbox' } | { kind: 'smtp'; url: string } }
  /** Outbound SMS: the dev outbox unless an HTTP gateway is configured. */
  sms: { kind: 'dev-outbox' } | { kind: 'http-gateway'; url: string; token: string }
  /** App IO: the services API with the city's key; the dev outbox outside production; off otherwise. */
  io: { kind: 'dev-outbox' } | { kind: 'io-api'; url: string; key: string } | { kind: 'off' }
  /** Who push services contact about this sender (VAPID subject). */
  pushContact: string
  /** Where uploaded files are kept: `./data/files`, or an S3-compatible bucket when one is configured. */
  files:
    | { kind: 'directory'; dir: string }
    | {
        kind: 's3'
        endpoint: string
        bucket: string
        region: string
        accessKeyId: string
        secretAccessKey: string
      }
  /**
   * The CRM: days a citizen may reopen a resolved ticket, the weekday hours SLA clocks run in,
   * the attachment size limit, and how mail to the city arrives — an SMTP listener on a port
   * (on 2525 in development by default, 0 = off), an IMAP mailbox polled, and
   * always the authenticated webhook.
   */
  /**
   * The maps of problem reports: a tile server (none by default, so nothing is fetched from outside
   * and the map draws on a plain background), its attribution, and where the map opens.
   */
  map: {
    tilesUrl: string | null
    attribution: string | null
    center: { lat: number; long: number }
    zoom: number
  }
  tickets: {
    reopenDays: number
    businessHours: { startMinutes: number; endMinutes: number }
    attachmentMaxBytes: number
    inboundSmtpPort: number
    inboundImapUrl: string | null
  }
}

/** Where citizens or staff sign in. With the dev provider on and nothing configured, it is the dev provider. */
export interface OidcClientConfig {
  issuer: string
  clientId: string
  clientSecret: string
  scopes: string
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`)
  }
}

/** npm sets INIT_CWD to where the command was typed, so `./data` means the same place from any workspace. */
function baseDirectory(env: NodeJS.ProcessEnv): string {
  return env.INIT_CWD ?? process.cwd()
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnvironment.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    )
  }
  const value = parsed.data
  const base = baseDirectory(env)
  const dataDir = path.resolve(base, value.DATA_DIR ?? 'data')
  const production = value.NODE_ENV === 'production'
  const displayHost = value.HOST === '0.0.0.0' || value.HOST === '::' ? 'localhost' : value.HOST
  const publicUrl = (value.PUBLIC_URL ?? `http://${displayHost}:${value.PORT}`).replace(/\/$/, '')
  const devIdentityProvider = value.DEV_IDP ?? !production
  if (production && devIdentityProvider) {
    throw new ConfigError(['DEV_IDP: the development identity provider cannot run in production'])
  }
  const oidcClient = (kind: 'CITIZEN' | 'STAFF'): OidcClientConfig => {
    const issuer = value[`OIDC_${kind}_ISSUER`]
    const clientId = value[`OIDC_${kind}_CLIENT_ID`]
    const clientSecret = value[`OIDC_${kind}_CLIENT_SECRET`]
    const scopes = value[`OIDC_${kind}_SCOPES`]
    if (issuer && clientId && clientSecret) return { issuer, clientId, clientSecret, scopes }
    if (!issuer && devIdentityProvider) {
      const devClient = kind === 'CITIZEN' ? 'civico-citizens' : 'civico-staff'
      return {
        issuer: `${publicUrl}/dev-idp`,
        clientId: devClient,
        clientSecret: `${devClient}-dev-secret`,
        scopes,
      }
    }
    throw new ConfigError([
      `OIDC_${kind}_ISSUER, OIDC_${kind}_CLIENT_ID and OIDC_${kind}_CLIENT_SECRET must all be set` +
        (production ? '' : ' (or leave them unset to use the development identity provider)'),
    ])
  }
  const mailAndSms = messagingConfig(value, { production, publicUrl })
  if (production && value.CLOCK_START) {
    throw new ConfigError(['CLOCK_START: the clock cannot be moved in production'])
  }
  return {
    clockStart: value.CLOCK_START ? new Date(value.CLOCK_START) : null,
    env: value.NODE_ENV,
    host: value.HOST,
    port: value.PORT,
    publicUrl,
    database: value.DATABASE_URL
      ? { kind: 'postgres', url: value.DATABASE_URL, poolSize: value.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'db') },
    dataDir,
    log: {
      level: value.LOG_LEVEL,
      pretty: (value.LOG_FORMAT ?? (production ? 'json' : 'pretty')) === 'pretty',
    },
    workerInProcess: value.WORKER_IN_PROCESS,
    trustProxy: value.TRUST_PROXY,
    bodyLimitBytes: value.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: value.SHUTDOWN_TIMEOUT_MS,
    defaultLocale: value.DEFAULT_LOCALE,
    seedOnStart: value.SEED_ON_START ?? !production,
    demoCitizens: value.DEMO_CITIZENS,
    webDistDir: value.WEB_DIST_DIR
      ? path.resolve(base, value.WEB_DIST_DIR)
      : path.resolve(import.meta.dirname, '../../web/dist'),
    session: {
      idleMs: value.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: value.SESSION_ABSOLUTE_HOURS * 3_600_000,
      secureCookie: publicUrl.startsWith('https://'),
    },
    signInRateLimitPerMinute: value.SIGN_IN_RATE_LIMIT_PER_MINUTE,
    newsletter: {
      maxPerSecond: value.NEWSLETTER_MAX_PER_SECOND,
      subscribeLimitPerMinute: value.NEWSLETTER_SUBSCRIBE_LIMIT_PER_MINUTE,
    },
    jobsMaintenanceSeconds: value.JOBS_MAINTENANCE_SECONDS,
    certificates: {
      secondLanguage: value.CERTIFICATE_SECOND_LANGUAGE === 'none' ? null : value.CERTIFICATE_SECOND_LANGUAGE,
      fees: { withStampCents: value.CERTIFICATE_FEE_CENTS, exemptCents: value.CERTIFICATE_FEE_EXEMPT_CENTS },
      officer: value.CERTIFICATE_OFFICER,
      office: value.CERTIFICATE_OFFICE,
      sealPrivateKey: value.CERTIFICATE_SEAL_PRIVATE_KEY?.replace(/\\n/g, '\n') ?? null,
    },
    payments: {
      segregationCode: value.PAGOPA_SEGREGATION_CODE,
      provider: value.PAGOPA_CHECKOUT_KEY
        ? { kind: 'pagopa-checkout', url: value.PAGOPA_CHECKOUT_URL, key: value.PAGOPA_CHECKOUT_KEY }
        : production
          ? { kind: 'off' }
          : { kind: 'sandbox' },
    },
    devIdentityProvider,
    oidc: {
      citizen: oidcClient('CITIZEN'),
      staff: oidcClient('STAFF'),
      fiscalCodeClaim: value.OIDC_FISCAL_CODE_CLAIM,
    },
    tickets: ticketsConfig(value),
    map: mapConfig(value),
    files: filesConfig(value, dataDir),
    ...mailAndSms,
  }
}

const S3_SETTINGS = [
  'FILES_S3_ENDPOINT',
  'FILES_S3_BUCKET',
  'FILES_S3_REGION',
  'FILES_S3_ACCESS_KEY_ID',
  'FILES_S3_SECRET_ACCESS_KEY',
] as const

/** Object storage takes all five settings; a partial set is a mistake, not a fallback to the directory. */
function filesConfig(value: Environment, dataDir: string): Config['files'] {
  const missing = S3_SETTINGS.filter((name) => !value[name])
  if (missing.length === S3_SETTINGS.length) return { kind: 'directory', dir: path.join(dataDir, 'files') }
  if (missing.length > 0) {
    throw new ConfigError([`${missing.join(', ')}: object storage needs all of ${S3_SETTINGS.join(', ')}`])
  }
  return {
    kind: 's3',
    endpoint: value.FILES_S3_ENDPOINT as string,
    bucket: value.FILES_S3_BUCKET as string,
    region: value.FILES_S3_REGION as string,
    accessKeyId: value.FILES_S3_ACCESS_KEY_ID as string,
    secretAccessKey: value.FILES_S3_SECRET_ACCESS_KEY as string,
  }
}

function mapConfig(value: Environment): Config['map'] {
  const [lat, long] = value.MAP_CENTER.split(',').map(Number) as [number, number]
  if (Math.abs(lat) > 90 || Math.abs(long) > 180) throw new ConfigError(['MAP_CENTER: outside the globe'])
  if (value.MAP_TILES_ATTRIBUTION && !value.MAP_TILES_URL) {
    throw new ConfigError(['MAP_TILES_ATTRIBUTION: set MAP_TILES_URL too'])
  }
  return {
    tilesUrl: value.MAP_TILES_URL ?? null,
    attribution: value.MAP_TILES_ATTRIBUTION ?? null,
    center: { lat, long },
    zoom: value.MAP_ZOOM,
  }
}

function ticketsConfig(value: Environment): Config['tickets'] {
  const [start, end] = value.TICKETS_BUSINESS_HOURS.split('-').map((hhmm) => {
    const [hours, minutes] = hhmm.split(':').map(Number)
    return (hours as number) * 60 + (minutes as number)
  }) as [number, number]
  if (!(start < end && end <= 24 * 60)) {
    throw new ConfigError(['TICKETS_BUSINESS_HOURS: the day must start before it ends, within 24:00'])
  }
  return {
    reopenDays: value.TICKETS_REOPEN_DAYS,
    businessHours: { startMinutes: start, endMinutes: end },
    attachmentMaxBytes: value.TICKETS_ATTACHMENT_MAX_BYTES,
    inboundSmtpPort: value.TICKETS_INBOUND_SMTP_PORT ?? (value.NODE_ENV === 'development' ? 2525 : 0),
    inboundImapUrl: value.TICKETS_INBOUND_IMAP_URL ?? null,
  }
}

function messagingConfig(
  value: Environment,
  context: { production: boolean; publicUrl: string },
): Pick<Config, 'mail' | 'sms' | 'io' | 'pushContact'> {
  const problems: string[] = []
  // Citizens must actually receive their codes and notices: production never falls back to the dev outbox.
  if (context.production && !value.SMTP_URL) {
    problems.push('SMTP_URL: required in production (the relay that delivers e-mail to citizens)')
  }
  if (context.production && !value.SMS_GATEWAY_URL) {
    problems.push('SMS_GATEWAY_URL: required in production (the gateway that delivers text messages)')
  }
  if (value.SMTP_URL && !value.MAIL_FROM) {
    problems.push('MAIL_FROM: required with SMTP_URL (the sender address citizens see)')
  }
  if (Boolean(value.SMS_GATEWAY_URL) !== Boolean(value.SMS_GATEWAY_TOKEN)) {
    problems.push('SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN must be set together')
  }
  // The token travels in a header: in production it must not cross the network in clear.
  if (context.production && value.SMS_GATEWAY_URL?.startsWith('http://')) {
    problems.push('SMS_GATEWAY_URL: must use https in production')
  }
  if (problems.length > 0) throw new ConfigError(problems)
  const host = new URL(context.publicUrl).hostname
  const from = value.MAIL_FROM ?? `Civico <noreply@${host.includes('.') ? host : `${host}.localdomain`}>`
  const fromAddress = /<([^>]+)>/.exec(from)?.[1] ?? from
  return {
    io: value.IO_API_KEY
      ? { kind: 'io-api', url: value.IO_API_URL, key: value.IO_API_KEY }
      : context.production
        ? { kind: 'off' }
        : { kind: 'dev-outbox' },
    pushContact: value.PUSH_CONTACT ?? `mailto:${fromAddress}`,
    mail: {
      from,
      transport: value.SMTP_URL ? { kind: 'smtp', url: value.SMTP_URL } : { kind: 'dev-outbox' },
    },
    sms:
      value.SMS_GATEWAY_URL && value.SMS_GATEWAY_TOKEN
        ? { kind: 'http-gateway', url: value.SMS_GATEWAY_URL, token: value.SMS_GATEWAY_TOKEN }
        : { kind: 'dev-outbox' },
  }
}
