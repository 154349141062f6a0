import { inTransaction } from '../../db/transaction.js'
import { addDays, romeInstant } from '../../platform/rome-time.js'
import { type ProactiveRule, registerRule } from '../notifications/rules.js'
import './notices.js'
import { announceBooking } from './announce.js'
import { listBookedBetween } from './repo.js'

const PAGE = 500

/**
 * "Domani hai un appuntamento": every booking still standing for tomorrow, once (the dedupe key
 * carries the start, so a booking moved to another tomorrow is reminded again). The button opens
 * the personal area: the confirmation's manage link keeps working.
 */
export const appointmentTomorrowRule: ProactiveRule = {
  id: 'appointment-tomorrow',
  title: {
    it: 'Promemoria degli appuntamenti del giorno dopo',
    en: 'Reminder of the next day’s appointments',
  },
  async run(ctx) {
    const tomorrow = addDays(ctx.today, 1)
    // Midnight is never a skipped time in Rome (clocks change at 2:00 and 3:00).
    const from = new Date(romeInstant(tomorrow, 0) ?? Date.parse(`${tomorrow}T00:00:00Z`))
    const to = new Date(
      romeInstant(addDays(tomorrow, 1), 0) ?? Date.parse(`${addDays(tomorrow, 1)}T00:00:00Z`),
    )
    let created = 0
    let after: { startsAt: Date; id: string } | undefined
    for (;;) {
      const page = await listBookedBetween(ctx.db, { from, to, after, limit: PAGE })
      if (page.length === 0) break
      const last = page.at(-1) as (typeof page)[number]
      after = { startsAt: last.startsAt, id: last.id }
      await inTransaction(ctx.db, async (tx) => {
        for (const booking of page) {
          if (await announceBooking(tx, { notify: ctx.notify, publicUrl: '' }, 'tomorrow', booking)) created++
        }
      })
      if (page.length < PAGE) break
    }
    return created
  },
}

registerRule(appointmentTomorrowRule)
