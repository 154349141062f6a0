import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { TextField } from '../../app/ui/text-field'
import {
  type AdminOffice,
  type AdminService,
  type HoursRange,
  useAdminOffices,
  useAdminServices,
  useOfficeHours,
  useSaveHours,
} from './appointment-admin-api'
import { type SectionProps, SelectField } from './appointment-admin-fields'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/

interface DraftRange {
  key: number
  opensAt: string
  closesAt: string
}
type Week = Record<number, DraftRange[]>
type RangeProblems = Record<number, { opensAt?: string; closesAt?: string }>

let nextKey = 1

function weekOf(ranges: readonly HoursRange[]): Week {
  const week: Week = {}
  for (const day of WEEKDAYS) week[day] = []
  for (const range of ranges)
    week[range.weekday]?.push({ key: nextKey++, opensAt: range.opensAt, closesAt: range.closesAt })
  return week
}

/** The ranges in the order sent, so a server error at ranges.N finds its row again. */
function flatten(week: Week): (HoursRange & { key: number })[] {
  return WEEKDAYS.flatMap((weekday) => (week[weekday] ?? []).map((range) => ({ ...range, weekday })))
}

const onGrid = (time: string) => CLOCK.test(time) && Number(time.slice(3)) % 5 === 0

/** The problems of a week the server would refuse: off the 5-minute grid, reversed, overlapping. */
function problemsOf(week: Week, messages: { grid: string; order: string; overlap: string }): RangeProblems {
  const found: RangeProblems = {}
  const ranges = flatten(week)
  for (const range of ranges) {
    const problems: RangeProblems[number] = {}
    if (!onGrid(range.opensAt)) problems.opensAt = messages.grid
    if (!onGrid(range.closesAt)) problems.closesAt = messages.grid
    else if (!problems.opensAt && range.opensAt >= range.closesAt) problems.closesAt = messages.order
    const overlaps = ranges.some(
      (other) =>
        other.key !== range.key &&
        other.weekday === range.weekday &&
        other.opensAt < range.closesAt &&
        range.opensAt < other.closesAt,
    )
    if (overlaps && !problems.opensAt) problems.opensAt = messages.overlap
    if (problems.opensAt || problems.closesAt) found[range.key] = problems
  }
  return found
}

function WeekEditor({
  office,
  service,
  ranges,
  canEdit,
  announce,
}: SectionProps & { office: AdminOffice; service: AdminService; ranges: HoursRange[] }) {
  const { t } = useTranslation()
  const save = useSaveHours()
  const [week, setWeek] = useState<Week>(() => weekOf(ranges))
  const [problems, setProblems] = useState<RangeProblems>({})
  const setDay = (weekday: number, day: DraftRange[]) => setWeek({ ...week, [weekday]: day })

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found = problemsOf(week, {
      grid: t('appointmentsAdmin.hours.grid'),
      order: t('appointmentsAdmin.hours.order'),
      overlap: t('appointmentsAdmin.hours.overlap'),
    })
    setProblems(found)
    if (Object.keys(found).length > 0) return
    const sent = flatten(week)
    save.mutate(
      {
        officeId: office.id,
        serviceId: service.id,
        ranges: sent.map(({ weekday, opensAt, closesAt }) => ({ weekday, opensAt, closesAt })),
      },
      {
        onSuccess: (outside) =>
          announce(
            outside > 0
              ? t('appointmentsAdmin.hours.savedOutside', { count: outside })
              : t('appointmentsAdmin.hours.saved', { service: service.name, office: office.name }),
          ),
        onError: (error) => {
          if (!isApiError(error)) return
          const fromServer: RangeProblems = {}
          sent.forEach((range, index) => {
            const opensAt =
              error.fieldError(`ranges.${index}.opensAt`) ?? error.fieldError(`ranges.${index}.weekday`)
            const closesAt = error.fieldError(`ranges.${index}.closesAt`)
            if (opensAt || closesAt) fromServer[range.key] = { opensAt, closesAt }
          })
          setProblems(fromServer)
        },
      },
    )
  }

  return (
    <form onSubmit={onSubmit} noValidate data-testid="hours-form">
      <p className="alert alert-warning">{t('appointmentsAdmin.hours.bookingsStay')}</p>
      <p className="small">{t('appointmentsAdmin.hours.format')}</p>
      {WEEKDAYS.map((weekday) => {
        const day = week[weekday] ?? []
        const dayName = t(`appointmentsAdmin.weekdays.${weekday}`)
        return (
          <fieldset key={weekday} className="civico-panel mb-3" data-weekday={weekday}>
            <legend className="h6 mb-2 float-none">{dayName}</legend>
            {day.length === 0 ? <p className="small mb-2">{t('appointmentsAdmin.hours.closed')}</p> : null}
            {day.map((range, index) => (
              <div key={range.key} className="row g-2 align-items-end" data-range={index}>
                <div className="col-6 col-md-4">
                  <TextField
                    label={t('appointmentsAdmin.hours.opens', { day: dayName, n: index + 1 })}
                    inputMode="numeric"
                    maxLength={5}
                    autoComplete="off"
                    value={range.opensAt}
                    readOnly={!canEdit}
                    onChange={(event) =>
                      setDay(
                        weekday,
                        day.map((r) => (r.key === range.key ? { ...r, opensAt: event.target.value } : r)),
                      )
                    }
                    error={problems[range.key]?.opensAt}
                  />
                </div>
                <div className="col-6 col-md-4">
                  <TextField
                    label={t('appointmentsAdmin.hours.closes', { day: dayName, n: index + 1 })}
                    inputMode="numeric"
                    maxLength={5}
                    autoComplete="off"
                    value={range.closesAt}
                    readOnly={!canEdit}
                    onChange={(event) =>
                      setDay(
                        weekday,
                        day.map((r) => (r.key === range.key ? { ...r, closesAt: event.target.value } : r)),
                      )
                    }
                    error={problems[range.key]?.closesAt}
                  />
                </div>
                {canEdit ? (
                  <div className="col-12 col-md-4 mb-3">
                    <button
                      type="button"
                      className="btn btn-outline-danger btn-sm"
                      onClick={() =>
                        setDay(
                          weekday,
                          day.filter((r) => r.key !== range.key),
                        )
                      }
                    >
                      {t('appointmentsAdmin.hours.remove', { day: dayName, n: index + 1 })}
                    </button>
                  </div>
                ) : null}
              </div>
            ))}
            {canEdit ? (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() =>
                  setDay(weekday, [
                    ...day,
                    {
                      key: nextKey++,
                      opensAt: day.length ? '14:00' : '08:30',
                      closesAt: day.length ? '16:00' : '12:30',
                    },
                  ])
                }
              >
                {t('appointmentsAdmin.hours.add', { day: dayName })}
              </button>
            ) : null}
          </fieldset>
        )
      })}
      {canEdit ? (
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t('appointmentsAdmin.hours.save')}
        </button>
      ) : null}
      {save.isError && Object.keys(problems).length === 0 ? <ErrorAlert error={save.error} /> : null}
    </form>
  )
}

/** The weekly grid of one office for one service. */
export function HoursSection(props: SectionProps) {
  const { t } = useTranslation()
  const offices = useAdminOffices()
  const services = useAdminServices()
  const [officeId, setOfficeId] = useState<string>()
  const [serviceId, setServiceId] = useState<string>()
  const office = offices.data?.find((candidate) => candidate.id === officeId) ?? offices.data?.[0]
  const service = services.data?.find((candidate) => candidate.id === serviceId) ?? services.data?.[0]
  const hours = useOfficeHours(office?.id)

  if (offices.isPending || services.isPending) return <LoadingState />
  if (offices.isError) return <ErrorAlert error={offices.error} onRetry={() => void offices.refetch()} />
  if (services.isError) return <ErrorAlert error={services.error} onRetry={() => void services.refetch()} />
  if (!office || !service) return <p>{t('appointmentsAdmin.hours.nothing')}</p>
  const ranges = hours.data?.find((entry) => entry.serviceId === service.id)?.ranges ?? []
  const served = office.counters.some((counter) => counter.serviceIds.includes(service.id))

  return (
    <>
      <p>{t('appointmentsAdmin.hours.intro')}</p>
      <div className="row g-3">
        <div className="col-12 col-md-6">
          <SelectField
            label={t('appointmentsAdmin.hours.office')}
            value={office.id}
            onChange={setOfficeId}
            testId="hours-office"
          >
            {offices.data.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            label={t('appointmentsAdmin.hours.service')}
            value={service.id}
            onChange={setServiceId}
            testId="hours-service"
          >
            {services.data.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      {served ? null : (
        <p className="alert alert-info">
          {t('appointmentsAdmin.hours.noCounter', { office: office.name, service: service.name })}
        </p>
      )}
      {hours.isPending ? <LoadingState /> : null}
      {hours.isError ? <ErrorAlert error={hours.error} onRetry={() => void hours.refetch()} /> : null}
      {hours.data ? (
        <WeekEditor
          key={`${office.id}:${service.id}:${hours.dataUpdatedAt}`}
          office={office}
          service={service}
          ranges={ranges}
          {...props}
        />
      ) : null}
    </>
  )
}
