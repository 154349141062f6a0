import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { escapeHtml } from '../../platform/html.js'
import { translate } from '../../platform/i18n.js'
import { hashSecret, newSecret } from '../../platform/ids.js'
import type { EmailMessage, MessageSender } from '../../platform/outbox/message-sender.js'
import { getCityProfile } from '../city/service.js'
import { normalizeEmail } from './contacts.js'
import {
  countEmailChallengesSince,
  insertEmailChallenge,
  lockEmailChallengeByProof,
  lockLatestOpenEmailChallenge,
  updateEmailChallenge,
} from './intake-repo.js'
import './intake-messages.js'

const MINUTE_MS = 60_000
export const EMAIL_CODE_LENGTH = 6
export const EMAIL_CODE_TTL_MS = 10 * MINUTE_MS
export const EMAIL_CODE_MAX_ATTEMPTS = 5
export const EMAIL_PROOF_TTL_MS = 120 * MINUTE_MS
/** Codes one address may be sent in an hour, whoever asks: nobody can flood someone's mailbox. */
export const EMAIL_CODES_PER_HOUR = 5

// The row id salts the hash: equal codes of two challenges never share a hash.
function hashCode(challengeId: string, code: string): string {
  return createHmac('sha256', challengeId).update(code).digest('hex')
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export interface EmailChallengeSent {
  /** Always the same answer, whether or not a code went out, so addresses cannot be probed. */
  expiresInSeconds: number
}

/**
 * Sends a six-digit code to an address so someone without SPID or CIE can prove it is theirs. Past
 * the hourly allowance of the address nothing is sent, but the answer is the same.
 */
export async function requestEmailChallenge(
  ctx: ServiceContext,
  email: MessageSender<EmailMessage>,
  input: { email: string },
): Promise<EmailChallengeSent> {
  const address = normalizeEmail(input.email)
  const answer = { expiresInSeconds: EMAIL_CODE_TTL_MS / 1000 }
  const sent = await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const recent = await countEmailChallengesSince(tx, address, new Date(now.getTime() - 60 * MINUTE_MS))
    if (recent >= EMAIL_CODES_PER_HOUR) return null
    const id = randomUUID()
    const code = String(randomInt(0, 10 ** EMAIL_CODE_LENGTH)).padStart(EMAIL_CODE_LENGTH, '0')
    await insertEmailChallenge(tx, {
      id,
      email: address,
      codeHash: hashCode(id, code),
      expiresAt: new Date(now.getTime() + EMAIL_CODE_TTL_MS),
      createdAt: now,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'ticket-email.code-requested',
      subjectType: 'email-challenge',
      subjectId: id,
      details: { email: address },
    })
    return { id, code }
  })
  if (!sent) {
    ctx.logger.info('e-mail code not sent: hourly allowance of the address used')
    return answer
  }
  const city = (await getCityProfile(ctx))?.name ?? 'Civico'
  const locale = ctx.meta.locale
  const text = translate(locale, 'tickets.email-code.text', { code: sent.code, city })
  try {
    await email.send({
      to: address,
      subject: translate(locale, 'tickets.email-code.subject', { city }),
      text,
      html: `<p>${escapeHtml(text)
        .replace(sent.code, `<strong style="font-size:1.4em;letter-spacing:0.2em">${sent.code}</strong>`)
        .replace(/\n\n/g, '</p><p>')}</p>`,
    })
  } catch (error) {
    // A code nobody received must not stay usable.
    await updateEmailChallenge(ctx.db, sent.id, { expiresAt: ctx.clock.now() })
    ctx.logger.warn({ err: error }, 'e-mail code not sent')
    throw new AppError('SERVICE_UNAVAILABLE', {
      messageKey: 'tickets.email-not-sent',
      headers: { 'retry-after': '60' },
      internalDetail: (error as Error).message,
    })
  }
  return answer
}

export interface EmailProof {
  proof: string
  expiresAt: Date
}

/**
 * Checks a code against the address's latest one. Wrong guesses are counted (and kept although the
 * request fails); the fifth burns the code. The answer is a proof, valid once within two hours.
 */
export async function verifyEmailChallenge(
  ctx: ServiceContext,
  input: { email: string; code: string },
): Promise<EmailProof> {
  const address = normalizeEmail(input.email)
  const outcome = await inTransaction(ctx.db, async (tx): Promise<EmailProof | null> => {
    const now = ctx.clock.now()
    const open = await lockLatestOpenEmailChallenge(tx, address)
    if (!open || open.expiresAt.getTime() <= now.getTime() || open.attempts >= EMAIL_CODE_MAX_ATTEMPTS) {
      return null
    }
    if (!sameHash(hashCode(open.id, input.code), open.codeHash)) {
      await updateEmailChallenge(tx, open.id, { attempts: open.attempts + 1 })
      return null
    }
    const proof = newSecret(32)
    await updateEmailChallenge(tx, open.id, { proofHash: hashSecret(proof), verifiedAt: now })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'ticket-email.verified',
      subjectType: 'email-challenge',
      subjectId: open.id,
      details: { email: address },
    })
    return { proof, expiresAt: new Date(now.getTime() + EMAIL_PROOF_TTL_MS) }
  })
  if (!outcome)
    throw new AppError('VALIDATION_FAILED', { status: 422, messageKey: 'tickets.email-code-invalid' })
  return outcome
}

/**
 * Uses up a proof that `email` was verified, in the caller's transaction: the request it comes with
 * then counts as from that verified address. A wrong, expired or used proof is refused.
 */
export async function consumeEmailProof(
  tx: Queryable,
  input: { email: string; proof: string; at?: Date },
): Promise<{ email: string }> {
  const at = input.at ?? new Date()
  const address = normalizeEmail(input.email)
  const challenge = await lockEmailChallengeByProof(tx, hashSecret(input.proof))
  const valid =
    challenge !== null &&
    challenge.usedAt === null &&
    challenge.verifiedAt !== null &&
    normalizeEmail(challenge.email) === address &&
    at.getTime() < challenge.verifiedAt.getTime() + EMAIL_PROOF_TTL_MS
  if (!valid || !challenge) {
    throw new AppError('VALIDATION_FAILED', { status: 422, messageKey: 'tickets.email-proof-invalid' })
  }
  await updateEmailChallenge(tx, challenge.id, { usedAt: at })
  return { email: address }
}
