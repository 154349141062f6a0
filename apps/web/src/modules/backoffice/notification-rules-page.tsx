import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  readBoolean,
  readList,
  readNullableString,
  readNumber,
  readString,
} from '../../app/api/parse'
import { formatDay } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { ScrollableTable } from '../../app/ui/scrollable-table'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import { FailedDeliveries } from './failed-deliveries'

interface Rule {
  id: string
  title: string
  enabled: boolean
  lastRunOn: string | null
  lastRunSent: number | null
}

const RULES_KEY = ['admin', 'notification-rules'] as const

function parseRule(value: unknown): Rule {
  const record = asRecord(value, 'rule')
  return {
    id: readString(record, 'id'),
    title: readString(record, 'title'),
    enabled: readBoolean(record, 'enabled'),
    lastRunOn: readNullableString(record, 'lastRunOn'),
    lastRunSent: record.lastRunSent === null ? null : readNumber(record, 'lastRunSent'),
  }
}

/** The proactive rules: what each reminds of, whether it is on, and what its last run sent. */
export function NotificationRulesPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(useBackOfficeTitle(t('backOffice.rules.title')))
  const queryClient = useQueryClient()
  const rules = useQuery({
    queryKey: RULES_KEY,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/staff/notification-rules',
        signal,
        parse: (value) => readList(value, 'rules', parseRule),
      }),
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: RULES_KEY })
  const toggle = useMutation({
    mutationFn: (rule: Rule) =>
      apiRequest({
        path: `/staff/notification-rules/${encodeURIComponent(rule.id)}`,
        method: 'PATCH',
        body: { enabled: !rule.enabled },
        parse: parseRule,
      }),
    onSuccess: refresh,
  })
  const run = useMutation({
    mutationFn: (rule: Rule) =>
      apiRequest({
        path: `/staff/notification-rules/${encodeURIComponent(rule.id)}/run`,
        method: 'POST',
        parse: (value) => readNumber(asRecord(value, 'run'), 'sent'),
      }),
    onSuccess: refresh,
  })
  return (
    <BackOfficePage
      title={t('backOffice.rules.title')}
      lead={t('backOffice.rules.lead')}
      testId="notification-rules"
    >
      {rules.isPending ? <LoadingState /> : null}
      {rules.isError ? <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} /> : null}
      {toggle.isError ? <ErrorAlert error={toggle.error} /> : null}
      {run.isError ? <ErrorAlert error={run.error} /> : null}
      {run.isSuccess ? (
        <p role="status" data-testid="rule-ran">
          {t('backOffice.rules.ran', { count: run.data })}
        </p>
      ) : null}
      {rules.data ? (
        <ScrollableTable
          label={t('backOffice.rules.title')}
          caption={t('backOffice.rules.caption')}
          testId="rules-table"
        >
          <thead>
            <tr>
              <th scope="col">{t('backOffice.rules.rule')}</th>
              <th scope="col">{t('backOffice.rules.status')}</th>
              <th scope="col">{t('backOffice.rules.lastRun')}</th>
              <th scope="col">{t('backOffice.rules.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.data.map((rule) => (
              <tr key={rule.id} data-rule={rule.id}>
                <td>{rule.title}</td>
                <td>{t(rule.enabled ? 'backOffice.rules.on' : 'backOffice.rules.off')}</td>
                <td>
                  {rule.lastRunOn
                    ? t('backOffice.rules.lastRunValue', {
                        date: formatDay(rule.lastRunOn, i18n.language),
                        count: rule.lastRunSent ?? 0,
                      })
                    : '—'}
                </td>
                <td className="d-flex flex-wrap gap-2">
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-sm"
                    disabled={toggle.isPending}
                    onClick={() => toggle.mutate(rule)}
                  >
                    {t(rule.enabled ? 'backOffice.rules.switchOff' : 'backOffice.rules.switchOn')}
                    <span className="visually-hidden"> {rule.title}</span>
                  </button>
                  <button
                    type="button"
                    className="btn btn-primary btn-sm"
                    disabled={run.isPending}
                    onClick={() => run.mutate(rule)}
                  >
                    {t('backOffice.rules.runNow')}
                    <span className="visually-hidden"> {rule.title}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      ) : null}
      <FailedDeliveries />
    </BackOfficePage>
  )
}
