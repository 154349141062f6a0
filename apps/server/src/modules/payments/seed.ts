import type { Config } from '../../config.js'
import type { ServiceContext } from '../../platform/context.js'
import { dayNumberFromIso, isoFromDayNumber, romeCalendarDate } from '../registry/calendar-days.js'
import { importRoll } from './import.js'
import { existingIupd } from './repo.js'

/** The public SPID test identity the demo city's dues are written to. */
const DEMO_DEBTOR = { fiscalCode: 'LVLDAA85T50G702B', name: 'Ada Lovelace' }

/**
 * The demo city's dues: this year's TARI for a test citizen, payable in one go or in three
 * instalments from next month, so the payments pages have something real to show.
 */
export async function seedDemoPayments(
  ctx: ServiceContext,
  settings: Config['payments'],
): Promise<{ positions: number }> {
  const today = romeCalendarDate(ctx.clock.now())
  const year = today.slice(0, 4)
  const iupd = `TARI${year}-DEMO-${DEMO_DEBTOR.fiscalCode}`
  if (await existingIupd(ctx.db, iupd)) return { positions: 0 }
  const due = (days: number) => isoFromDayNumber(dayNumberFromIso(today) + days)
  const line = (instalment: number, dueDate: string, amount: string) =>
    `${iupd};${DEMO_DEBTOR.fiscalCode};${DEMO_DEBTOR.name};tari;TARI ${year} – Tassa rifiuti;${instalment};${dueDate};${amount}`
  const csv = [
    'iupd;codice_fiscale;nominativo;tipo;descrizione;rata;scadenza;importo',
    line(0, due(30), '246,00'),
    line(1, due(30), '82,00'),
    line(2, due(120), '82,00'),
    line(3, due(210), '82,00'),
  ].join('\n')
  const { positions } = await importRoll(ctx, settings, { csv, source: `demo-${year}` })
  return { positions }
}
