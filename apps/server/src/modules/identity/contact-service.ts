import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { Actor, ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { type Locale, translate } from '../../platform/i18n.js'
import type { MessageSenders } from '../../platform/outbox/message-sender.js'
import { getCityProfile } from '../city/service.js'
import { type NotifyDeps, notifyCitizen } from '../notifications/service.js'
import { findCitizenAccount, findCitizenAccountByFiscalCode } from './account-repo.js'
import './contact-messages.js'
import {
  CODE_LENGTH,
  CODE_REQUEST_WINDOW_MS,
  CODE_TTL_MS,
  codeRequestAllowance,
  codeState,
  isSameVerifiedContact,
  MAX_ATTEMPTS_PER_CODE,
  verifiedContactsOf,
} from './contact-policy.js'
import {
  type CitizenAccount,
  type ContactVerificationRow,
  consumeVerification,
  insertVerification,
  listOpenVerifications,
  listVerificationTimesSince,
  lockCitizenAccount,
  lockOpenVerification,
  recordWrongAttempt,
  setAccountLocale,
  setVerifiedContact,
  supersedeOpenVerifications,
} from './contact-repo.js'
import type { ContactChannel, ContactView, MyAccount } from './contact-schema.js'
import { CONTACT_VERIFIED_ACTION, CONTACT_VERIFIED_TEMPLATE } from './notices.js'

export { isContactVerified, verifiedContactsOf } from './contact-policy.js'

type CitizenActor = Extract<Actor, { type: 'citizen' }>

function citizenOf(actor: Actor): CitizenActor {
  if (actor.type !== 'citizen')
    throw new AppError('FORBIDDEN', { internalDetail: `${actor.type} is not a citizen` })
  return actor
}

// The row id salts the hash: equal codes of two requests never share a hash.
function hashCode(verificationId: string, code: string): string {
  return createHmac('sha256', verificationId).update(code).digest('hex')
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

function newCode(): string {
  return String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, '0')
}

function contactView(
  value: string | null,
  verifiedAt: Date | null,
  open: ContactVerificationRow | undefined,
): ContactView {
  return {
    value,
    verified: value !== null && verifiedAt !== null,
    verifiedAt: verifiedAt?.toISOString() ?? null,
    pending: open ? { value: open.target, expiresAt: open.expiresAt.toISOString() } : null,
  }
}

async function describeAccount(db: Queryable, account: CitizenAccount, now: Date): Promise<MyAccount> {
  const open = await listOpenVerifications(db, account.id, now)
  return {
    id: account.id,
    fiscalCode: account.fiscalCode,
    givenName: account.givenName,
    familyName: account.familyName,
    birthDate: account.birthDate,
    locale: account.locale === 'en' ? 'en' : 'it',
    registryMatched: account.personId !== null,
    email: contactView(
      account.email,
      account.emailVerifiedAt,
      open.find((row) => row.channel === 'email'),
    ),
    mobile: contactView(
      account.mobilePhone,
      account.mobilePhoneVerifiedAt,
      open.find((row) => row.channel === 'sms'),
    ),
  }
}

async function loadOwnAccount(db: Queryable, actor: Actor): Promise<CitizenAccount> {
  const account = await findCitizenAccount(db, citizenOf(actor).id)
  if (!account) throw new AppError('NOT_FOUND', { messageKey: 'contact.account-missing' })
  return account
}

/** The signed-in citizen's own profile (never the person they act for: contacts are personal). */
export async function getMyAccount(ctx: Pick<ServiceContext, 'db' | 'clock' | 'actor'>): Promise<MyAccount> {
  return describeAccount(ctx.db, await loadOwnAccount(ctx.db, ctx.actor), ctx.clock.now())
}

/** What notifications may use for a person: only contacts proved by a one-time code. */
export async function findVerifiedContacts(
  db: Queryable,
  fiscalCode: string,
): Promise<{ email: string | null; mobile: string | null; locale: Locale }> {
  const account = await findCitizenAccountByFiscalCode(db, fiscalCode)
  if (!account) return { email: null, mobile: null, locale: 'it' }
  return { ...verifiedContactsOf(account), locale: account.locale === 'en' ? 'en' : 'it' }
}

async function cityName(ctx: Pick<ServiceContext, 'db'>): Promise<string> {
  return (await getCityProfile(ctx))?.name ?? 'Civico'
}

async function sendCode(
  ctx: Pick<ServiceContext, 'db'>,
  senders: MessageSenders,
  message: { channel: ContactChannel; to: string; code: string; locale: Locale; name: string },
): Promise<void> {
  const city = await cityName(ctx)
  const params = { city, code: message.code, name: message.name }
  if (message.channel === 'sms') {
    await senders.sms.send({
      to: message.to,
      text: translate(message.locale, 'contact.code.sms-text', params),
    })
    return
  }
  const text = translate(message.locale, 'contact.code.email-text', params)
  await senders.email.send({
    to: message.to,
    subject: translate(message.locale, 'contact.code.email-subject', params),
    text,
    // The HTML form is the same text, escaped, with the code made easy to read.
    html: `<p>${text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replace(message.code, `<strong style="font-size:1.4em;letter-spacing:0.2em">${message.code}</strong>`)
      .replace(/\n\n/g, '</p><p>')
      .replace(/\n/g, '<br>')}</p>`,
  })
}

/**
 * Sets a new e-mail address or mobile number as pending and sends it a one-time code. The contact in
 * use stays as it was until the code comes back. The code is stored hashed and expires in 10 minutes;
 * a newer request makes older codes of the same channel useless.
 */
export async function requestContactChange(
  ctx: ServiceContext,
  senders: MessageSenders,
  input: { channel: ContactChannel; value: string },
): Promise<MyAccount> {
  const citizen = citizenOf(ctx.actor)
  const value = input.channel === 'email' ? input.value.trim().toLowerCase() : input.value.trim()
  const prepared = await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const account = await lockCitizenAccount(tx, citizen.id)
    if (!account) throw new AppError('NOT_FOUND', { messageKey: 'contact.account-missing' })
    if (isSameVerifiedContact(account, input.channel, value)) return { account, sent: null }
    const recent = await listVerificationTimesSince(
      tx,
      account.id,
      new Date(now.getTime() - CODE_REQUEST_WINDOW_MS),
    )
    const allowance = codeRequestAllowance(recent, now)
    if (!allowance.allowed) {
      throw new AppError('RATE_LIMITED', {
        messageKey: 'contact.too-many-codes',
        params: { minutes: Math.ceil(allowance.retryAfterSeconds / 60) },
        headers: { 'retry-after': String(allowance.retryAfterSeconds) },
      })
    }
    await supersedeOpenVerifications(tx, account.id, input.channel, now)
    const id = randomUUID()
    const code = newCode()
    await insertVerification(tx, {
      id,
      accountId: account.id,
      channel: input.channel,
      target: value,
      codeHash: hashCode(id, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'contact.verification-requested',
      subjectType: 'citizen-account',
      subjectId: account.id,
      details: { channel: input.channel, target: value },
    })
    return { account, sent: { id, code } }
  })
  const { account, sent } = prepared
  if (sent) {
    try {
      await sendCode(ctx, senders, {
        channel: input.channel,
        to: value,
        code: sent.code,
        locale: account.locale === 'en' ? 'en' : 'it',
        name: `${account.givenName} ${account.familyName}`,
      })
    } catch (error) {
      // A code nobody received must not stay usable, nor show as pending.
      await consumeVerification(ctx.db, sent.id, ctx.clock.now())
      ctx.logger.warn({ err: error, channel: input.channel }, 'verification code not sent')
      throw new AppError('SERVICE_UNAVAILABLE', {
        messageKey: 'contact.not-sent',
        headers: { 'retry-after': '60' },
        internalDetail: (error as Error).message,
      })
    }
  }
  return describeAccount(ctx.db, account, ctx.clock.now())
}

type AttemptOutcome = { result: 'verified'; account: CitizenAccount } | { result: 'refused'; error: AppError }

/**
 * Checks a one-time code. Wrong guesses are counted (and stored even though the request fails); the
 * fifth wrong guess burns the code. On success the pending contact becomes the verified one.
 */
export async function verifyContact(
  ctx: ServiceContext,
  notify: NotifyDeps,
  input: { channel: ContactChannel; code: string },
): Promise<MyAccount> {
  const citizen = citizenOf(ctx.actor)
  const outcome = await inTransaction(ctx.db, async (tx): Promise<AttemptOutcome> => {
    const now = ctx.clock.now()
    const account = await lockCitizenAccount(tx, citizen.id)
    if (!account) throw new AppError('NOT_FOUND', { messageKey: 'contact.account-missing' })
    const open = await lockOpenVerification(tx, account.id, input.channel)
    if (!open) throw new AppError('CONFLICT', { messageKey: 'contact.no-open-code' })
    const state = codeState(open, now)
    if (state !== 'usable') {
      throw new AppError('CONFLICT', {
        messageKey: state === 'burnt' ? 'contact.code-burnt' : 'contact.code-expired',
      })
    }
    if (!sameHash(hashCode(open.id, input.code), open.codeHash)) {
      const attempts = open.attempts + 1
      const attemptsLeft = MAX_ATTEMPTS_PER_CODE - attempts
      await recordWrongAttempt(tx, open.id, attempts, attemptsLeft === 0 ? now : null)
      await recordAudit(tx, ctx.actor, ctx.meta, now, {
        action: 'contact.verification-failed',
        subjectType: 'citizen-account',
        subjectId: account.id,
        details: { channel: input.channel, attempts },
      })
      return {
        result: 'refused',
        error:
          attemptsLeft === 0
            ? new AppError('CONFLICT', { messageKey: 'contact.code-burnt' })
            : new AppError('VALIDATION_FAILED', {
                messageKey: 'contact.code-wrong',
                params: { attemptsLeft },
                fieldErrors: [
                  {
                    path: 'body.code',
                    message: translate(ctx.meta.locale, 'contact.code-wrong', { attemptsLeft }),
                  },
                ],
              }),
      }
    }
    await consumeVerification(tx, open.id, now)
    await setVerifiedContact(tx, account.id, input.channel, open.target, now)
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'contact.verified',
      subjectType: 'citizen-account',
      subjectId: account.id,
      details: {
        channel: input.channel,
        value: open.target,
        previous: input.channel === 'email' ? account.email : account.mobilePhone,
      },
    })
    // Written to the inbox and sent on the channels the citizen keeps, the new one included: a
    // change they did not make does not go unnoticed.
    await notifyCitizen(tx, notify, {
      recipientFiscalCode: account.fiscalCode,
      template: CONTACT_VERIFIED_TEMPLATE,
      params: { channel: input.channel, value: open.target },
      dedupeKey: `contact-verified:${open.id}`,
      action: { url: CONTACT_VERIFIED_ACTION },
    })
    return { result: 'verified', account }
  })
  // Thrown after the commit, so the counted attempt stays counted.
  if (outcome.result === 'refused') throw outcome.error
  return getMyAccount(ctx)
}

export async function updateMyPreferences(
  ctx: ServiceContext,
  input: { locale: Locale },
): Promise<MyAccount> {
  const citizen = citizenOf(ctx.actor)
  await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const account = await lockCitizenAccount(tx, citizen.id)
    if (!account) throw new AppError('NOT_FOUND', { messageKey: 'contact.account-missing' })
    if (account.locale === input.locale) return
    await setAccountLocale(tx, account.id, input.locale)
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'account.preferences-changed',
      subjectType: 'citizen-account',
      subjectId: account.id,
      details: { locale: { from: account.locale, to: input.locale } },
    })
  })
  return getMyAccount(ctx)
}
