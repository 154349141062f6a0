import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError, type FieldError } from '../../platform/errors.js'
import { type Locale, translate } from '../../platform/i18n.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import { getCityProfile } from '../city/service.js'
import { isValidFiscalCode } from '../identity/codice-fiscale.js'
import './messages.js'
import { centsFromEuro, POSITION_KINDS, type PositionKind } from './policy.js'
import { noticeOption, optionLabel } from './positions.js'
import {
  drawIuvSequence,
  insertPositionsInBulk,
  insertRoll,
  type NewOption,
  type NewPosition,
} from './repo.js'

/** The columns of a roll, in this order, with a header line. */
export const ROLL_COLUMNS = [
  'iupd',
  'codice_fiscale',
  'nominativo',
  'tipo',
  'descrizione',
  'rata',
  'scadenza',
  'importo',
] as const

const MAX_REPORTED = 100
const CHUNK = 10_000

interface RollPosition extends Omit<NewPosition, 'id' | 'source'> {
  line: number
  options: { instalment: number; dueDate: string; amountCents: number; line: number }[]
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

function remember<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  const known = cache.get(key)
  if (known !== undefined || cache.has(key)) return known as T
  const value = compute(key)
  if (cache.size < 1_000_000) cache.set(key, value)
  return value
}

/** A person's fiscal code, or the 11 digits of a company's. */
function isValidDebtor(code: string): boolean {
  return isValidFiscalCode(code) || /^\d{11}$/.test(code)
}

/**
 * Reads a roll line by line. Every bad line is reported with its number and reason; the result is
 * the positions only when there is none.
 */
export function parseRoll(
  text: string,
  locale: Locale,
): { positions: RollPosition[]; errors: FieldError[]; errorCount: number } {
  const errors: FieldError[] = []
  let errorCount = 0
  const fail = (line: number, key: string, params: Record<string, string | number> = {}) => {
    errorCount++
    if (errors.length < MAX_REPORTED)
      errors.push({ path: `line ${line}`, message: translate(locale, key, params) })
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const header = (lines[0] ?? '').trim()
  const separator = header.includes(';') ? ';' : ','
  if (header.toLowerCase().split(separator).join(',') !== ROLL_COLUMNS.join(',')) {
    fail(1, 'payments.roll-header', { columns: ROLL_COLUMNS.join(separator) })
    return { positions: [], errors, errorCount }
  }
  const byIupd = new Map<string, RollPosition>()
  // A roll repeats the same debtors, dates and amounts line after line: each is checked once.
  const debtors = new Map<string, boolean>()
  const dates = new Map<string, boolean>()
  const amounts = new Map<string, number | null>()
  for (let index = 1; index < lines.length; index++) {
    const raw = lines[index] as string
    if (raw.trim() === '') continue
    const line = index + 1
    const cells = raw.split(separator).map((cell) => cell.trim())
    if (cells.length !== ROLL_COLUMNS.length) {
      fail(line, 'payments.roll-columns', { expected: ROLL_COLUMNS.length, found: cells.length })
      continue
    }
    const [iupd, fiscalCode, name, kind, description, instalmentText, dueDate, amountText] = cells as string[]
    const fiscal = (fiscalCode as string).toUpperCase()
    const instalment = Number(instalmentText)
    const amountCents = remember(amounts, amountText as string, centsFromEuro)
    const problem = !/^[A-Za-z0-9_.-]{1,35}$/.test(iupd as string)
      ? 'payments.roll-iupd'
      : !remember(debtors, fiscal, isValidDebtor)
        ? 'payments.roll-fiscal-code'
        : !name || (name as string).length > 70
          ? 'payments.roll-name'
          : !(POSITION_KINDS as readonly string[]).includes(kind as string)
            ? 'payments.roll-kind'
            : !description || (description as string).length > 140
              ? 'payments.roll-description'
              : !Number.isInteger(instalment) || instalment < 0 || instalment > 24
                ? 'payments.roll-instalment'
                : !remember(dates, dueDate as string, isIsoDate)
                  ? 'payments.roll-date'
                  : amountCents === null
                    ? 'payments.roll-amount'
                    : null
    if (problem) {
      fail(line, problem, { kinds: POSITION_KINDS.join(', ') })
      continue
    }
    const known = byIupd.get(iupd as string)
    if (known && (known.debtorFiscalCode !== fiscal || known.kind !== kind)) {
      fail(line, 'payments.roll-inconsistent', { iupd: iupd as string, first: known.line })
      continue
    }
    if (known?.options.some((option) => option.instalment === instalment)) {
      fail(line, 'payments.roll-duplicate', { iupd: iupd as string, instalment })
      continue
    }
    const position = known ?? {
      line,
      iupd: iupd as string,
      debtorFiscalCode: fiscal,
      debtorName: name as string,
      kind: kind as PositionKind,
      description: description as string,
      options: [],
    }
    position.options.push({
      instalment,
      dueDate: dueDate as string,
      amountCents: amountCents as number,
      line,
    })
    byIupd.set(iupd as string, position)
  }
  if (byIupd.size === 0 && errorCount === 0) fail(2, 'payments.roll-empty')
  return { positions: [...byIupd.values()], errors, errorCount }
}

/** What a position asks for: the sum of its instalments, or its single payment when it has none. */
function amountOwed(options: RollPosition['options']): number {
  const instalments = options.filter((option) => option.instalment > 0)
  return (instalments.length > 0 ? instalments : options).reduce((sum, option) => sum + option.amountCents, 0)
}

/** The staff member's id, or what else imported the roll ("system" for the demo seed). */
function actorLabel(ctx: ServiceContext): string {
  return ctx.actor.type === 'staff' ? ctx.actor.id : ctx.actor.type
}

/** The IUPD a unique-index violation names, when that is what stopped an insert. */
function existingIupdIn(error: unknown): string | null {
  const cause = (error as { cause?: unknown })?.cause ?? error
  const { code, constraint, detail } = cause as { code?: string; constraint?: string; detail?: string }
  if (code !== '23505' || constraint !== 'payment_positions_iupd_idx') return null
  return /\(iupd\)=\((.*)\)/.exec(detail ?? '')?.[1] ?? null
}

/**
 * Imports a roll (the yearly TARI list, a batch of fines): all of it or nothing. A rejected roll
 * answers every bad line (the first hundred) and leaves the database as it was.
 */
export async function importRoll(
  ctx: ServiceContext,
  settings: { segregationCode: string },
  input: { csv: string; source: string },
): Promise<{ positions: number; options: number }> {
  const parsed = parseRoll(input.csv, ctx.meta.locale)
  const refuse = (errors: FieldError[], count: number) =>
    new AppError('VALIDATION_FAILED', {
      messageKey: 'payments.roll-refused',
      params: { count },
      fieldErrors: errors,
    })
  if (parsed.errorCount > 0) throw refuse(parsed.errors, parsed.errorCount)
  const city = await getCityProfile(ctx)
  if (!city) throw new AppError('CONFLICT', { messageKey: 'payments.city-missing' })
  return inTransaction(ctx.db, async (tx) => {
    let options = 0
    for (let start = 0; start < parsed.positions.length; start += CHUNK) {
      const chunk = parsed.positions.slice(start, start + CHUNK)
      const count = chunk.reduce((sum, position) => sum + position.options.length, 0)
      const sequence = await drawIuvSequence(tx, count)
      let next = 0
      const positionRows: NewPosition[] = []
      const optionRows: NewOption[] = []
      for (const position of chunk) {
        const id = timeOrderedUuid()
        positionRows.push({ id, ...position, source: input.source })
        for (const option of position.options) {
          const single = option.instalment === 0
          optionRows.push(
            noticeOption(
              settings.segregationCode,
              sequence[next++] as bigint,
              id,
              {
                instalment: single ? null : option.instalment,
                amountCents: option.amountCents,
                dueDate: option.dueDate,
              },
              optionLabel(position.description, single ? null : option.instalment),
            ),
          )
        }
      }
      await insertPositionsInBulk(tx, positionRows, optionRows).catch((error: unknown) => {
        // The unique index finds positions already imported, without a look-up per chunk.
        const taken = existingIupdIn(error)
        if (!taken) throw error
        const line = chunk.find((position) => position.iupd === taken)?.line ?? 0
        throw refuse(
          [
            {
              path: `line ${line}`,
              message: translate(ctx.meta.locale, 'payments.roll-exists', { iupd: taken }),
            },
          ],
          1,
        )
      })
      options += optionRows.length
    }
    await insertRoll(tx, {
      source: input.source,
      positions: parsed.positions.length,
      options,
      totalCents: parsed.positions.reduce((sum, position) => sum + amountOwed(position.options), 0),
      importedBy: actorLabel(ctx),
    })
    await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'payments.roll-imported',
      subjectType: 'payment-roll',
      subjectId: input.source,
      details: { positions: parsed.positions.length, options },
    })
    return { positions: parsed.positions.length, options }
  })
}
