import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/client.js'
import { getCityProfile } from '../city/service.js'
import { noticeNumberFor, type PositionKind } from './policy.js'
import { drawIuvSequence, insertPositionsInBulk, type NewOption } from './repo.js'
import type { Transfer } from './tables.js'

export interface PositionRequest {
  /** The capability's own id of what is billed, e.g. `CERT-2027-000123`: unique. */
  iupd: string
  debtorFiscalCode: string
  debtorName: string
  kind: PositionKind
  description: string
  /** Which capability bills it, e.g. `certificates`. */
  source: string
  /** `instalment: null` is the single payment. */
  options: { instalment: number | null; amountCents: number; dueDate: string; transfers?: Transfer[] }[]
}

/** What a notice says it is for: the position's description, and which instalment. */
export function optionLabel(description: string, instalment: number | null): string {
  return instalment === null ? description : `${description} – rata ${instalment}`
}

/** One way to pay a position as stored: its notice number drawn from `sequence`, its kind from the instalment. */
export function noticeOption(
  segregationCode: string,
  sequence: bigint,
  positionId: string,
  option: PositionRequest['options'][number],
  description: string,
): NewOption {
  return {
    positionId,
    nav: noticeNumberFor(segregationCode, sequence).nav,
    kind: option.instalment === null ? 'single' : 'instalment',
    instalment: option.instalment,
    amountCents: option.amountCents,
    dueDate: option.dueDate,
    description: description.slice(0, 140),
    transfers: option.transfers ?? null,
  }
}

/**
 * Bills a citizen from another capability (stamp duty for a certificate, say), in the caller's
 * transaction: the position and its notices commit with the event that caused them. Answers the
 * notice number of each option, in the order given.
 */
export async function createPosition(
  tx: Queryable,
  settings: { segregationCode: string },
  request: PositionRequest,
): Promise<{ positionId: string; noticeNumbers: string[] }> {
  if (request.options.length === 0) throw new Error('a position needs at least one option')
  const city = await getCityProfile({ db: tx })
  if (!city) throw new Error('the city is not configured')
  const sequence = await drawIuvSequence(tx, request.options.length)
  const positionId = randomUUID()
  const options = request.options.map((option, index) =>
    noticeOption(
      settings.segregationCode,
      sequence[index] as bigint,
      positionId,
      option,
      optionLabel(request.description, option.instalment),
    ),
  )
  await insertPositionsInBulk(
    tx,
    [
      {
        id: positionId,
        iupd: request.iupd,
        debtorFiscalCode: request.debtorFiscalCode,
        debtorName: request.debtorName,
        kind: request.kind,
        description: request.description,
        source: request.source,
      },
    ],
    options,
  )
  return { positionId, noticeNumbers: options.map((option) => option.nav) }
}
