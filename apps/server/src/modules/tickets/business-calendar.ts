import type { Config } from '../../config.js'
import type { ServiceContext } from '../../platform/context.js'
import { cityHolidayCalendar } from '../city/service.js'
import type { BusinessCalendar } from './sla.js'

/** The calendar SLA clocks run on: the configured weekday hours and the city's holidays. */
export async function loadBusinessCalendar(
  ctx: Pick<ServiceContext, 'db'>,
  tickets: Pick<Config['tickets'], 'businessHours'>,
): Promise<BusinessCalendar> {
  return { ...tickets.businessHours, isHoliday: await cityHolidayCalendar(ctx) }
}
