import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { LoadingState } from '../../app/ui/loading-state'
import { ProblemNotice } from '../identity/problem-notice'
import { CHANNELS, type Channel, type Topic, usePreferences, useSavePreferences } from './notifications-api'
import { PushToggle } from './push-toggle'

/** Channels per topic as a table of checkboxes, quiet hours, and push on this device. */
export function PreferencesSection() {
  const { t } = useTranslation()
  const fromId = useId()
  const untilId = useId()
  const preferences = usePreferences()
  const save = useSavePreferences()
  const [draft, setDraft] = useState<Record<string, Channel[]>>({})
  const [quietFrom, setQuietFrom] = useState('')
  const [quietUntil, setQuietUntil] = useState('')
  const data = preferences.data
  useEffect(() => {
    if (!data) return
    setDraft(Object.fromEntries(data.topics.map((entry) => [entry.topic, entry.channels])))
    setQuietFrom(data.quietFrom ?? '')
    setQuietUntil(data.quietUntil ?? '')
  }, [data])

  const toggle = (topic: Topic, channel: Channel, on: boolean) =>
    setDraft((current) => {
      const channels = new Set(current[topic] ?? [])
      if (on) channels.add(channel)
      else channels.delete(channel)
      return { ...current, [topic]: CHANNELS.filter((entry) => channels.has(entry)) }
    })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate({ channelsByTopic: draft, quietFrom: quietFrom || null, quietUntil: quietUntil || null })
  }

  return (
    <section
      className="civico-panel"
      aria-labelledby="notification-preferences-title"
      data-testid="notification-preferences"
    >
      <h2 id="notification-preferences-title" className="h4">
        {t('notifications.preferences.title')}
      </h2>
      <p>{t('notifications.preferences.lead')}</p>
      <PushToggle onChange={() => void preferences.refetch()} />
      {preferences.isPending ? <LoadingState /> : null}
      {preferences.isError ? (
        <ProblemNotice error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : null}
      {data ? (
        <form onSubmit={onSubmit} noValidate>
          <div className="table-responsive">
            <table className="table">
              <caption className="visually-hidden">{t('notifications.preferences.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('notifications.preferences.topic')}</th>
                  {CHANNELS.map((channel) => (
                    <th key={channel} scope="col">
                      {t(`notifications.channels.${channel}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.topics.map((entry) => (
                  <tr key={entry.topic}>
                    <th scope="row">
                      {t(`notifications.topics.${entry.topic}`)}
                      {entry.legal ? (
                        <span className="d-block small fw-normal">
                          {t('notifications.preferences.legal')}
                        </span>
                      ) : null}
                    </th>
                    {CHANNELS.map((channel) => (
                      <td key={channel}>
                        <input
                          type="checkbox"
                          className="form-check-input position-static ms-0"
                          aria-label={t('notifications.preferences.checkbox', {
                            topic: t(`notifications.topics.${entry.topic}`),
                            channel: t(`notifications.channels.${channel}`),
                          })}
                          checked={draft[entry.topic]?.includes(channel) ?? false}
                          disabled={!data.reachable[channel]}
                          onChange={(event) => toggle(entry.topic, channel, event.target.checked)}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small">{t('notifications.preferences.unreachable')}</p>
          <fieldset className="civico-field">
            <legend className="civico-field-label">{t('notifications.preferences.quiet')}</legend>
            <div className="d-flex flex-wrap gap-3">
              <div>
                <label htmlFor={fromId} className="civico-field-label">
                  {t('notifications.preferences.quietFrom')}
                </label>
                <input
                  id={fromId}
                  type="time"
                  className="form-control"
                  value={quietFrom}
                  onChange={(event) => setQuietFrom(event.target.value)}
                />
              </div>
              <div>
                <label htmlFor={untilId} className="civico-field-label">
                  {t('notifications.preferences.quietUntil')}
                </label>
                <input
                  id={untilId}
                  type="time"
                  className="form-control"
                  value={quietUntil}
                  onChange={(event) => setQuietUntil(event.target.value)}
                />
              </div>
            </div>
          </fieldset>
          {save.isError ? (
            <ProblemNotice
              error={save.error}
              title={isApiError(save.error) ? t('notifications.preferences.saveFailed') : undefined}
            />
          ) : null}
          {save.isSuccess ? (
            <p role="status" className="text-success" data-testid="preferences-saved">
              {t('notifications.preferences.saved')}
            </p>
          ) : null}
          <button type="submit" className="btn btn-primary btn-sm" disabled={save.isPending}>
            {t('notifications.preferences.save')}
          </button>
        </form>
      ) : null}
    </section>
  )
}
