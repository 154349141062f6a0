import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay, romeIsoDay } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { ScrollableTable } from '../../app/ui/scrollable-table'
import { TextField } from '../../app/ui/text-field'
import { BarChart } from './bar-chart'
import { TICKET_STATUSES, useChannelLabel } from './crm-labels'
import { SlaTicketList } from './dashboard-sla-list'
import { type Dashboard, useDashboard } from './supervisor-api'
import { useTeamName } from './teams'

const DAY_MS = 86_400_000

/** A day typed in a date field as the instant it starts in the browser's zone. */
const startOf = (day: string) => new Date(`${day}T00:00:00`).toISOString()

function PeriodForm({ onApply }: { onApply: (period: { from: string; to: string } | null) => void }) {
  const { t } = useTranslation()
  const today = romeIsoDay()
  const [from, setFrom] = useState(romeIsoDay(Date.now() - 30 * DAY_MS))
  const [to, setTo] = useState(today)
  const [problem, setProblem] = useState<string>()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!from || !to || from > to) {
      setProblem(t('crm.dashboard.period.invalid'))
      return
    }
    setProblem(undefined)
    onApply({ from: startOf(from), to: new Date(Date.parse(startOf(to)) + DAY_MS).toISOString() })
  }
  return (
    <form className="civico-panel mb-4" onSubmit={submit} noValidate data-testid="dashboard-period">
      <h3 className="h5">{t('crm.dashboard.period.title')}</h3>
      <div className="row g-3 align-items-end">
        <div className="col-12 col-sm-4">
          <TextField
            type="date"
            label={t('crm.dashboard.period.from')}
            value={from}
            max={to}
            onChange={(event) => setFrom(event.target.value)}
            error={problem}
          />
        </div>
        <div className="col-12 col-sm-4">
          <TextField
            type="date"
            label={t('crm.dashboard.period.to')}
            value={to}
            min={from}
            onChange={(event) => setTo(event.target.value)}
          />
        </div>
        <div className="col-12 col-sm-4 civico-field">
          <button type="submit" className="btn btn-primary btn-sm">
            {t('crm.dashboard.period.apply')}
          </button>
        </div>
      </div>
    </form>
  )
}

function BacklogTable({ backlog }: { backlog: Dashboard['backlog'] }) {
  const { t } = useTranslation()
  const teamName = useTeamName()
  const teams = [...new Set(backlog.map((row) => row.teamCode))].sort()
  const open = TICKET_STATUSES.filter((status) => status !== 'resolved' && status !== 'closed')
  const count = (team: string, status: string) =>
    backlog.find((row) => row.teamCode === team && row.status === status)?.count ?? 0
  const total = (team: string) =>
    backlog.filter((row) => row.teamCode === team).reduce((sum, row) => sum + row.count, 0)
  return (
    <>
      <BarChart
        title={t('crm.dashboard.backlogChart')}
        valueLabel={t('crm.dashboard.openTickets')}
        bars={teams.map((team) => ({ key: team, label: teamName(team), value: total(team) }))}
        testId="backlog-chart"
      />
      <ScrollableTable
        label={t('crm.dashboard.backlog')}
        caption={t('crm.dashboard.backlogCaption')}
        testId="backlog-table"
      >
        <thead>
          <tr>
            <th scope="col">{t('crm.ticket.team')}</th>
            {open.map((status) => (
              <th scope="col" className="text-end" key={status}>
                {t(`crm.statuses.${status}`)}
              </th>
            ))}
            <th scope="col" className="text-end">
              {t('crm.dashboard.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team}>
              <th scope="row">{teamName(team)}</th>
              {open.map((status) => (
                <td className="text-end" key={status}>
                  {count(team, status)}
                </td>
              ))}
              <td className="text-end fw-semibold">{total(team)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollableTable>
    </>
  )
}

/** The supervisors' dashboard: backlog, SLA lists with reassignment, volumes of a period. */
export function DashboardSection({ announce }: { announce: (message: string) => void }) {
  const { t, i18n } = useTranslation()
  const channelLabel = useChannelLabel()
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null)
  const dashboard = useDashboard(period)
  const data = dashboard.data
  return (
    <div data-testid="crm-dashboard">
      {dashboard.isPending ? <LoadingState /> : null}
      {dashboard.isError ? (
        <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : null}
      {data ? (
        <>
          <dl className="civico-counts" data-testid="dashboard-counts">
            <div>
              <dt>{t('crm.dashboard.openTickets')}</dt>
              <dd>{data.backlog.reduce((sum, row) => sum + row.count, 0)}</dd>
            </div>
            <div>
              <dt>{t('crm.dashboard.atRiskCount')}</dt>
              <dd>{data.atRisk.length}</dd>
            </div>
            <div>
              <dt>{t('crm.dashboard.breachedCount')}</dt>
              <dd>{data.breached.length}</dd>
            </div>
          </dl>
          <section className="mb-5" aria-labelledby="breached-title">
            <h3 id="breached-title" className="h4">
              {t('crm.dashboard.breached')}
            </h3>
            <SlaTicketList items={data.breached} announce={announce} testId="breached-list" />
          </section>
          <section className="mb-5" aria-labelledby="at-risk-title">
            <h3 id="at-risk-title" className="h4">
              {t('crm.dashboard.atRisk')}
            </h3>
            <SlaTicketList items={data.atRisk} announce={announce} testId="at-risk-list" />
          </section>
          <section className="mb-5" aria-labelledby="backlog-title">
            <h3 id="backlog-title" className="h4">
              {t('crm.dashboard.backlog')}
            </h3>
            <BacklogTable backlog={data.backlog} />
          </section>
          <section aria-labelledby="volumes-title">
            <h3 id="volumes-title" className="h4">
              {t('crm.dashboard.volumes')}
            </h3>
            <p data-testid="dashboard-period-text">
              {t('crm.dashboard.periodText', {
                from: formatDay(data.period.from, i18n.language),
                to: formatDay(new Date(Date.parse(data.period.to) - 1).toISOString(), i18n.language),
              })}
            </p>
            <PeriodForm onApply={setPeriod} />
            <div className="row g-4">
              <div className="col-12 col-xl-6">
                <BarChart
                  title={t('crm.dashboard.byChannel')}
                  valueLabel={t('crm.dashboard.tickets')}
                  bars={data.volumesByChannel.map((row) => ({
                    key: row.channel,
                    label: channelLabel(row.channel),
                    value: row.count,
                  }))}
                  testId="channel-chart"
                />
              </div>
              <div className="col-12 col-xl-6">
                <BarChart
                  title={t('crm.dashboard.byTriplet')}
                  valueLabel={t('crm.dashboard.tickets')}
                  bars={data.volumesByTriplet.slice(0, 15).map((row) => ({
                    key: row.detailCode ?? 'none',
                    label: row.detail
                      ? [row.area, row.topic, row.detail].filter(Boolean).join(' › ')
                      : t('crm.queue.toTriage'),
                    value: row.count,
                  }))}
                  testId="triplet-chart"
                />
              </div>
            </div>
          </section>
        </>
      ) : null}
    </div>
  )
}
