import type { Transaction } from '../../db/client.js'
import { recordAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { translate } from '../../platform/i18n.js'
import { getCityProfile } from '../city/service.js'
import type { TicketsContext } from '../tickets/context.js'
import { handOffChatbotSession } from '../tickets/integrations.js'
import type { ChatbotHandoffInput } from '../tickets/integrations-schema.js'
import { findLiveSession } from './conversation.js'
import './messages.js'
import { listSessionQuestions, type SessionRow, updateSession } from './repo.js'
import type { HandOffInput, HandOffResult } from './schema.js'

async function handOffRequest(
  ctx: TicketsContext,
  session: SessionRow,
  question: string | undefined,
): Promise<Omit<ChatbotHandoffInput, 'citizen'>> {
  const questions = await listSessionQuestions(ctx.db, session.id)
  const transcript = questions.flatMap((turn) => [
    { from: 'user' as const, text: turn.text.slice(0, 5_000), at: turn.askedAt.toISOString() },
    { from: 'bot' as const, text: turn.replyText.slice(0, 5_000), at: turn.askedAt.toISOString() },
  ])
  const need = question?.trim() || questions.at(-1)?.text.trim()
  if (!need) throw new AppError('VALIDATION_FAILED', { status: 422, messageKey: 'assistant.no-question' })
  return { sessionId: session.id, transcript, question: need.slice(0, 2_000) }
}

async function contactCentre(ctx: TicketsContext): Promise<HandOffResult> {
  const phone = (await getCityProfile(ctx))?.contactPhone ?? '020202'
  const locale = ctx.meta.locale
  return {
    outcome: 'contact-centre',
    message: translate(locale, 'assistant.contact-centre', { phone }),
    phone,
    hours: translate(locale, 'assistant.contact-centre-hours'),
  }
}

/**
 * "Talk to a person": a CRM ticket on the chatbot channel with the transcript. A signed-in citizen
 * is its contact; someone anonymous needs an e-mail address verified with the code of "Scrivi al
 * Comune", or is given the contact centre's number instead. The CRM answers the same ticket when a
 * session is handed off again, so a retry after a failure here opens nothing new.
 */
export async function handOffConversation(
  ctx: TicketsContext,
  input: HandOffInput & { sessionId: string },
): Promise<HandOffResult> {
  const session = await findLiveSession(ctx, input.sessionId)
  if (session.ticketCode) return { outcome: 'ticket', ticketCode: session.ticketCode, created: false }
  const { actor } = ctx
  if (actor.type !== 'citizen' && !(input.email && input.proof)) return contactCentre(ctx)
  const request = await handOffRequest(ctx, session, input.question)
  const handed = await handOffChatbotSession(
    ctx,
    actor.type === 'citizen'
      ? { ...request, citizen: { fiscalCode: actor.onBehalfOf ?? actor.fiscalCode } }
      : request,
    {
      emailProof:
        actor.type === 'citizen' ? undefined : { email: input.email as string, proof: input.proof as string },
      alsoInTransaction: (tx, ticketCode) => recordHandOff(ctx, tx, session.id, ticketCode),
    },
  )
  return { outcome: 'ticket', ticketCode: handed.ticketCode, created: handed.created }
}

async function recordHandOff(
  ctx: TicketsContext,
  tx: Transaction,
  sessionId: string,
  ticketCode: string,
): Promise<void> {
  const now = ctx.clock.now()
  await updateSession(tx, sessionId, { ticketCode, handedOffAt: now, lastActivityAt: now })
  await recordAudit(tx, ctx.actor, ctx.meta, now, {
    action: 'assistant-session.handed-off',
    subjectType: 'assistant-session',
    subjectId: sessionId,
    details: { ticketCode },
  })
}
