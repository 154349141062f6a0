import type { Config } from '../../config.js'
import type { Database } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { Clock } from '../../platform/clock.js'
import type { RequestMeta, StaffRole } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { findPersonByFiscalCode } from '../registry/person-service.js'
import './login-messages.js'
import { type NotifyDeps, notifyCitizen } from '../notifications/service.js'
import {
  acrForLevel,
  birthDateClaim,
  type CitizenLoginMethod,
  emailFromClaims,
  fiscalCodeFromClaim,
  isLevelSufficient,
  LOGIN_ATTEMPT_TTL_MS,
  levelFromAcr,
  requestedLevelFor,
  textClaim,
} from './login-policy.js'
import {
  consumeLoginAttempt,
  deleteLoginAttemptsExpiredBefore,
  findStaffForLogin,
  insertLoginAttempt,
  type LoginAttemptRow,
  type LoginKind,
  recordStaffLogin,
  upsertCitizenAccount,
} from './login-repo.js'
import { WELCOME_ACTION, WELCOME_TEMPLATE } from './notices.js'
import { generateLoginSecrets, type OidcRelyingParty } from './oidc-client.js'
import { type AssuranceLevel, startSession } from './session-service.js'

export interface LoginServiceDeps {
  db: Database
  clock: Clock
  config: Pick<Config, 'publicUrl' | 'session' | 'oidc'>
  /** Writes the welcome message of a first sign-in. */
  notify: NotifyDeps
  citizenProvider: OidcRelyingParty
  staffProvider: OidcRelyingParty
}

/** Who is at the browser: what a callback needs besides the provider's answer. */
export interface BrowserContext {
  meta: RequestMeta
  userAgent: string | null
  /** The session cookie already on the browser: it is replaced, never kept beside the new one. */
  currentSessionToken: string | null
}

/** What the provider sent back, and whether this browser is the one that set off. */
export interface CallbackQuery {
  state: string | undefined
  /** The whole query string as received, `?` included. */
  search: string
  startedInThisBrowser: boolean
}

export interface StartedLogin {
  url: URL
  state: string
}

export interface CompletedLogin {
  token: string
  expiresAt: Date
  returnTo: string
}

// Staff sign in through the city's own directory, which has no SPID levels: their sessions count as
// level 2 so the session table's rules hold for everyone.
const STAFF_SESSION_LEVEL: AssuranceLevel = 2
const PURGE_INTERVAL_MS = 60_000
// Spent attempts are kept an hour, so a replayed callback is told "already used" rather than
// "unknown", and processes whose clocks differ a little never delete each other's live attempts.
const PURGE_GRACE_MS = 60 * 60_000

function attemptRefusal(outcome: 'unknown' | 'already-used' | 'expired' | 'other-browser'): AppError {
  const messageKey = {
    unknown: 'identity.login.attemptUnknown',
    'already-used': 'identity.login.attemptUsed',
    expired: 'identity.login.attemptExpired',
    'other-browser': 'identity.login.otherBrowser',
  }[outcome]
  return new AppError('UNAUTHENTICATED', {
    status: 400,
    messageKey,
    internalDetail: `login state ${outcome}`,
  })
}

function callbackUrl(publicUrl: string, kind: LoginKind, search: string): URL {
  return new URL(`${publicUrl}/auth/${kind}/callback${search}`)
}

/** The sign-in use cases for citizens (SPID/CIE) and staff (the city's directory). */
export function createLoginService(deps: LoginServiceDeps) {
  const { config } = deps
  let lastPurgeAt = 0

  // A login table that only grows would slow every sign-in down; clearing it at most once a minute
  // per process keeps it to the attempts of the last hour or so.
  async function purgeExpiredAttempts(now: Date) {
    if (now.getTime() - lastPurgeAt < PURGE_INTERVAL_MS) return
    lastPurgeAt = now.getTime()
    await deleteLoginAttemptsExpiredBefore(deps.db, new Date(now.getTime() - PURGE_GRACE_MS))
  }

  async function beginLogin(
    kind: LoginKind,
    input: {
      provider: string
      requestedLevel: AssuranceLevel
      returnTo: string
      stepUpOf: string | null
      extraParameters: Record<string, string>
    },
  ): Promise<StartedLogin> {
    const relyingParty = kind === 'citizen' ? deps.citizenProvider : deps.staffProvider
    const secrets = generateLoginSecrets()
    // Ask the provider first: if it is down nothing is stored and the citizen gets a clear 503.
    const url = await relyingParty.authorizationUrl({ ...secrets, extraParameters: input.extraParameters })
    const now = deps.clock.now()
    await purgeExpiredAttempts(now)
    await insertLoginAttempt(deps.db, {
      state: secrets.state,
      kind,
      provider: input.provider,
      codeVerifier: secrets.codeVerifier,
      nonce: secrets.nonce,
      requestedLevel: input.requestedLevel,
      returnTo: input.returnTo,
      stepUpOf: input.stepUpOf,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LOGIN_ATTEMPT_TTL_MS),
    })
    return { url, state: secrets.state }
  }

  /** Consumes the attempt named by `state` and lets the provider vouch for the browser. */
  async function finishRoundTrip(
    kind: LoginKind,
    { state, search, startedInThisBrowser }: CallbackQuery,
  ): Promise<{ attempt: LoginAttemptRow; claims: Record<string, unknown> }> {
    if (!state) throw attemptRefusal('unknown')
    // Consumed before the browser check: a callback link sent to someone else is spent, not reusable.
    const consumed = await consumeLoginAttempt(deps.db, { state, kind, now: deps.clock.now() })
    if (consumed.outcome !== 'consumed') throw attemptRefusal(consumed.outcome)
    if (!startedInThisBrowser) throw attemptRefusal('other-browser')
    const { attempt } = consumed
    const relyingParty = kind === 'citizen' ? deps.citizenProvider : deps.staffProvider
    const claims = await relyingParty.exchangeCode(callbackUrl(config.publicUrl, kind, search), {
      state: attempt.state,
      nonce: attempt.nonce,
      codeVerifier: attempt.codeVerifier,
    })
    return { attempt, claims }
  }

  return {
    /** Starts a SPID/CIE round trip; signed in already, it is a step-up to a higher level. */
    beginCitizenLogin(input: {
      method: CitizenLoginMethod
      level: AssuranceLevel
      returnTo: string
      /** The live session being stepped up, if any: kept on the attempt for the audit trail. */
      currentSessionHash: string | null
      locale: string
    }): Promise<StartedLogin> {
      const requestedLevel = requestedLevelFor(input.method, input.level)
      return beginLogin('citizen', {
        provider: input.method,
        requestedLevel,
        returnTo: input.returnTo,
        stepUpOf: input.currentSessionHash,
        extraParameters: {
          acr_values: acrForLevel(requestedLevel),
          prompt: 'login',
          ui_locales: input.locale,
        },
      })
    },

    async completeCitizenLogin(query: CallbackQuery, browser: BrowserContext): Promise<CompletedLogin> {
      const { attempt, claims } = await finishRoundTrip('citizen', query)
      const requestedLevel = attempt.requestedLevel as AssuranceLevel
      const level = levelFromAcr(claims.acr)
      if (!level) {
        throw new AppError('STEP_UP_REQUIRED', {
          messageKey: 'identity.login.levelMissing',
          internalDetail: `acr ${String(claims.acr)}`,
        })
      }
      if (!isLevelSufficient(level, requestedLevel)) {
        throw new AppError('STEP_UP_REQUIRED', {
          messageKey: 'identity.login.levelTooLow',
          params: { requiredLevel: requestedLevel, grantedLevel: level },
          extensions: { requiredLevel: requestedLevel },
          internalDetail: `asked level ${requestedLevel}, provider gave ${level}`,
        })
      }
      const fiscalCode = fiscalCodeFromClaim(claims[config.oidc.fiscalCodeClaim])
      if (!fiscalCode) {
        throw new AppError('FORBIDDEN', {
          messageKey: 'identity.login.fiscalCodeInvalid',
          internalDetail: `claim ${config.oidc.fiscalCodeClaim} is ${JSON.stringify(claims[config.oidc.fiscalCodeClaim])}`,
        })
      }
      const person = await findPersonByFiscalCode(deps.db, fiscalCode)
      return inTransaction(deps.db, async (tx) => {
        const now = deps.clock.now()
        const { account, created } = await upsertCitizenAccount(
          tx,
          {
            fiscalCode,
            givenName: textClaim(claims.given_name) ?? person?.givenName ?? null,
            familyName: textClaim(claims.family_name) ?? person?.familyName ?? null,
            birthDate: birthDateClaim(claims.birthdate) ?? person?.birthDate ?? null,
            email: emailFromClaims(claims),
            // Matched again at every sign-in: someone may have moved to the city since the last one.
            personId: person?.id ?? null,
          },
          now,
        )
        if (created) {
          await notifyCitizen(tx, deps.notify, {
            recipientFiscalCode: fiscalCode,
            template: WELCOME_TEMPLATE,
            params: { givenName: account.givenName },
            dedupeKey: `welcome:${account.id}`,
            action: { url: WELCOME_ACTION },
          })
        }
        const session = await startSession(
          tx,
          { clock: deps.clock, session: config.session },
          {
            kind: 'citizen',
            accountId: account.id,
            level,
            method: attempt.provider,
            ip: browser.meta.ip,
            userAgent: browser.userAgent,
            replacesToken: browser.currentSessionToken,
          },
        )
        await recordAudit(
          tx,
          { type: 'citizen', id: account.id, fiscalCode, level, personId: account.personId },
          browser.meta,
          now,
          {
            action: 'citizen.login',
            subjectType: 'citizen-account',
            subjectId: account.id,
            details: {
              method: attempt.provider,
              level,
              requestedLevel,
              stepUp: attempt.stepUpOf !== null,
              registryMatch: account.personId !== null,
            },
          },
        )
        return { token: session.token, expiresAt: session.expiresAt, returnTo: attempt.returnTo }
      })
    },

    beginStaffLogin(input: { returnTo: string; locale: string }): Promise<StartedLogin> {
      return beginLogin('staff', {
        provider: 'staff',
        requestedLevel: STAFF_SESSION_LEVEL,
        returnTo: input.returnTo,
        stepUpOf: null,
        extraParameters: { prompt: 'login', ui_locales: input.locale },
      })
    },

    async completeStaffLogin(query: CallbackQuery, browser: BrowserContext): Promise<CompletedLogin> {
      const { attempt, claims } = await finishRoundTrip('staff', query)
      const subject = textClaim(claims.sub, 255)
      // The city's directory vouches for its addresses unless it says outright that one is unchecked.
      const email = claims.email_verified === false ? null : textClaim(claims.email, 254)
      const match = subject ? await findStaffForLogin(deps.db, subject, email) : null
      if (!subject || !match?.account.active) {
        await inTransaction(deps.db, (tx) =>
          recordAudit(tx, { type: 'anonymous' }, browser.meta, deps.clock.now(), {
            action: 'staff.login-refused',
            subjectType: 'staff-account',
            subjectId: match?.account.id ?? null,
            details: { subject, reason: match ? 'inactive' : 'unknown' },
          }),
        )
        throw new AppError('FORBIDDEN', {
          messageKey: 'identity.login.staffNotAllowed',
          internalDetail: `staff sign-in refused for subject ${subject}: ${match ? 'inactive' : 'unknown'}`,
        })
      }
      const { account } = match
      return inTransaction(deps.db, async (tx) => {
        const now = deps.clock.now()
        await recordStaffLogin(tx, {
          id: account.id,
          subject: match.matchedBy === 'email' ? subject : null,
          now,
        })
        const session = await startSession(
          tx,
          { clock: deps.clock, session: config.session },
          {
            kind: 'staff',
            accountId: account.id,
            level: STAFF_SESSION_LEVEL,
            method: 'staff',
            ip: browser.meta.ip,
            userAgent: browser.userAgent,
            replacesToken: browser.currentSessionToken,
          },
        )
        await recordAudit(
          tx,
          { type: 'staff', id: account.id, roles: account.roles as StaffRole[], teams: [] },
          browser.meta,
          now,
          {
            action: 'staff.login',
            subjectType: 'staff-account',
            subjectId: account.id,
            details: { matchedBy: match.matchedBy },
          },
        )
        return { token: session.token, expiresAt: session.expiresAt, returnTo: attempt.returnTo }
      })
    },
  }
}

export type LoginService = ReturnType<typeof createLoginService>
