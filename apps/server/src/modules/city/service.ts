import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { holidayCalendar, patronDayOf } from './holidays.js'
import { findCityProfile, upsertCityProfile } from './repo.js'
import type { CityProfile, PublicCity } from './schema.js'

export async function getPublicCity(
  ctx: Pick<ServiceContext, 'db'>,
  options: { demo: boolean },
): Promise<PublicCity> {
  const profile = await findCityProfile(ctx.db)
  if (!profile)
    throw new AppError('SERVICE_UNAVAILABLE', { internalDetail: 'city profile not configured yet' })
  const { name, region, provinceCode, contactPhone, contactEmail, websiteUrl } = profile
  return { name, region, provinceCode, contactPhone, contactEmail, websiteUrl, demo: options.demo }
}

/** How messages, notices and e-mails name the city: "Comune di Milano"; "Comune" before it is configured. */
export function cityTitle(profile: Pick<CityProfile, 'name'> | null): string {
  return profile ? `Comune di ${profile.name}` : 'Comune'
}

export async function getCityProfile(ctx: Pick<ServiceContext, 'db'>): Promise<CityProfile | null> {
  return findCityProfile(ctx.db)
}

export async function configureCity(ctx: ServiceContext, profile: CityProfile): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const at = ctx.clock.now()
    await upsertCityProfile(tx, profile, at)
    await recordAudit(tx, ctx.actor, ctx.meta, at, {
      action: 'city.configure',
      subjectType: 'city',
      subjectId: profile.istatCode,
      details: { name: profile.name },
    })
  })
}

const holidayCalendars = new Map<string, (isoDate: string) => boolean>()

/** The city's days off: national holidays and its patron day, each year's list computed once. */
export async function cityHolidayCalendar(
  ctx: Pick<ServiceContext, 'db'>,
): Promise<(isoDate: string) => boolean> {
  const patronDay = patronDayOf((await getCityProfile(ctx))?.istatCode)
  let calendar = holidayCalendars.get(patronDay)
  if (!calendar) {
    calendar = holidayCalendar(patronDay)
    holidayCalendars.set(patronDay, calendar)
  }
  return calendar
}
