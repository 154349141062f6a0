import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { formatEuro, formatLongDate } from '../../platform/format.js'
import { translate } from '../../platform/i18n.js'
import type { CalendarEvent } from '../../platform/ical.js'
import { renderCalendar } from '../../platform/ical.js'
import { hashSecret, newSecret } from '../../platform/ids.js'
import { listUpcomingAppointments } from '../appointments/listings.js'
import { cityTitle, getCityProfile } from '../city/service.js'
import { listDeadlines } from '../folder/policy.js'
import { resolveFolderOwner } from '../identity/delegation-service.js'
import { listPaymentDeadlines } from '../payments/dues.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import type { RegistrySource } from '../registry/source.js'
import './messages.js'
import { type DeadlineItem, type DeadlineSource, daysBetween, mergeDeadlines, statusOf } from './policy.js'
import { deleteFeed, findFeedByTokenHash, findFeedOf, replaceFeed, touchFeed } from './repo.js'

export interface DeadlinesContext extends ServiceContext {
  registry: RegistrySource
}

type Deps = Pick<DeadlinesContext, 'db' | 'registry'>

/** Documents and permits running out, from the registry, as the folder's summary computes them. */
async function registryDeadlines(deps: Deps, fiscalCode: string, today: string): Promise<DeadlineItem[]> {
  const folder = await deps.registry.findPersonFolderSummary(fiscalCode)
  return listDeadlines(folder?.records ?? [], today).map((deadline) => ({
    id: `record:${deadline.recordId}`,
    source: 'registry',
    kind: deadline.kind,
    title: null,
    reference: deadline.reference,
    section: deadline.section,
    date: deadline.date,
    daysLeft: deadline.daysLeft,
    status: deadline.status,
    amountCents: null,
    startsAt: null,
    endsAt: null,
    place: null,
  }))
}

async function paymentDeadlines(deps: Deps, fiscalCode: string, today: string): Promise<DeadlineItem[]> {
  const dues = await listPaymentDeadlines(deps.db, fiscalCode)
  return dues.map((due) => {
    const daysLeft = daysBetween(today, due.date)
    return {
      id: due.id,
      source: 'payments',
      kind: 'payment',
      title: due.title,
      reference: due.reference,
      section: null,
      date: due.date,
      daysLeft,
      status: statusOf(daysLeft, due.warningDays),
      amountCents: due.amountCents,
      startsAt: null,
      endsAt: null,
      place: null,
    }
  })
}

/** Appointments to come: the day one must go to an office, with its time and place. */
async function appointmentDeadlines(deps: Deps, fiscalCode: string, today: string, now: Date) {
  const appointments = await listUpcomingAppointments(deps.db, fiscalCode, now)
  return appointments.map((appointment): DeadlineItem => {
    const date = romeCalendarDate(appointment.startsAt)
    const daysLeft = daysBetween(today, date)
    return {
      id: `appointment:${appointment.id}`,
      source: 'appointments',
      kind: appointment.status === 'offered' ? 'appointment-offered' : 'appointment',
      title: appointment.serviceName,
      reference: appointment.code,
      section: null,
      date,
      daysLeft,
      status: statusOf(daysLeft, APPOINTMENT_WARNING_DAYS),
      amountCents: null,
      startsAt: appointment.startsAt.toISOString(),
      endsAt: appointment.endsAt.toISOString(),
      place: `${appointment.officeName}, ${appointment.officeAddress}`,
    }
  })
}

/** An appointment shows as near from the day before. */
const APPOINTMENT_WARNING_DAYS = 1

async function collect(deps: Deps, fiscalCode: string, now: Date, sources: readonly DeadlineSource[]) {
  const today = romeCalendarDate(now)
  const lists = await Promise.all([
    sources.includes('registry') ? registryDeadlines(deps, fiscalCode, today) : [],
    sources.includes('payments') ? paymentDeadlines(deps, fiscalCode, today) : [],
    sources.includes('appointments') ? appointmentDeadlines(deps, fiscalCode, today, now) : [],
  ])
  return mergeDeadlines(lists)
}

/**
 * "Scadenze": every date the citizen (or the person they act for) must act by. Dues need SPID
 * level 2, as the payments themselves do; below it they are left out and the answer says so.
 */
export async function listMyDeadlines(ctx: DeadlinesContext) {
  if (ctx.actor.type !== 'citizen') throw new AppError('FORBIDDEN')
  const { fiscalCode, representation } = await resolveFolderOwner(ctx, ctx.actor, 'folder')
  const paymentsShown =
    ctx.actor.level >= 2 && (!representation || representation.scopes.includes('payments'))
  const items = await collect(
    ctx,
    fiscalCode,
    ctx.clock.now(),
    paymentsShown ? ['registry', 'payments', 'appointments'] : ['registry', 'appointments'],
  )
  return { items, hidden: paymentsShown ? [] : (['payments'] as const) }
}

const feedPath = (token: string) => `/api/v1/deadlines/calendar/${token}.ics`

function ownCitizen(ctx: ServiceContext) {
  if (ctx.actor.type !== 'citizen') throw new AppError('FORBIDDEN')
  return ctx.actor
}

export async function describeMyFeed(ctx: ServiceContext) {
  const feed = await findFeedOf(ctx.db, ownCitizen(ctx).fiscalCode)
  return {
    active: feed !== null,
    createdAt: feed?.createdAt.toISOString() ?? null,
    lastReadAt: feed?.lastReadAt?.toISOString() ?? null,
  }
}

/**
 * A new private address for the citizen's calendar; the previous one stops working. The token is
 * shown this once: only its hash is kept.
 */
export async function createMyFeed(ctx: ServiceContext, publicUrl: string) {
  const citizen = ownCitizen(ctx)
  const token = newSecret(32)
  const now = ctx.clock.now()
  await replaceFeed(ctx.db, citizen.fiscalCode, hashSecret(token), now)
  const url = `${publicUrl.replace(/\/$/, '')}${feedPath(token)}`
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:'), createdAt: now.toISOString() }
}

export async function deleteMyFeed(ctx: ServiceContext): Promise<void> {
  if (!(await deleteFeed(ctx.db, ownCitizen(ctx).fiscalCode))) {
    throw new AppError('NOT_FOUND', { messageKey: 'deadlines.feed-missing' })
  }
}

const pageOf = (item: DeadlineItem) =>
  item.source === 'payments'
    ? '/area-personale/pagamenti'
    : item.source === 'appointments'
      ? '/area-personale?sezione=appointments'
      : '/area-personale?sezione=deadlines'

function eventOf(item: DeadlineItem, publicUrl: string, host: string): CalendarEvent {
  if (item.source === 'appointments' && item.startsAt && item.endsAt) {
    const summary = translate('it', 'deadlines.feed-appointment', { title: item.title ?? '' })
    return {
      uid: `${item.id}@${host}`,
      date: item.date,
      start: new Date(item.startsAt),
      end: new Date(item.endsAt),
      summary,
      description: `${summary} (${item.reference ?? ''}). ${item.place ?? ''}`,
      location: item.place ?? undefined,
      url: `${publicUrl}${pageOf(item)}`,
    }
  }
  const summary =
    item.source === 'payments'
      ? translate('it', 'deadlines.feed-payment', {
          title: item.title ?? '',
          amount: formatEuro(item.amountCents ?? 0, 'it'),
        })
      : translate('it', `deadlines.kind.${item.kind}`)
  const reference = item.reference ? ` (${item.reference})` : ''
  return {
    uid: `${item.id}@${host}`,
    date: item.date,
    summary,
    description: `${summary}${reference}, ${formatLongDate(item.date, 'it')}.`,
    url: `${publicUrl}${pageOf(item)}`,
  }
}

/** The feed a calendar app fetches with the private token: the same dates as Scadenze. */
export async function renderFeed(
  ctx: Pick<DeadlinesContext, 'db' | 'registry' | 'clock'>,
  publicUrl: string,
  token: string,
) {
  const feed = await findFeedByTokenHash(ctx.db, hashSecret(token))
  if (!feed) throw new AppError('NOT_FOUND', { messageKey: 'deadlines.feed-missing' })
  const now = ctx.clock.now()
  const [items, city] = await Promise.all([
    collect(ctx, feed.fiscalCode, now, ['registry', 'payments', 'appointments']),
    getCityProfile(ctx),
  ])
  await touchFeed(ctx.db, feed.fiscalCode, now)
  const base = publicUrl.replace(/\/$/, '')
  const host = new URL(base).hostname
  return renderCalendar({
    name: translate('it', 'deadlines.feed-name', { city: cityTitle(city) }),
    now,
    reminder: translate('it', 'deadlines.feed-reminder'),
    events: items.map((item) => eventOf(item, base, host)),
  })
}
