import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LabelledField } from '../../app/ui/labelled-field'
import { TextField } from '../../app/ui/text-field'
import { TICKET_CHANNELS, TICKET_STATUSES, type TicketStatus } from './crm-labels'
import { useTripletCategories } from './taxonomy-api'
import { TripletPicker } from './triplet-picker'

export type SlaFilter = '' | 'at-risk' | 'breached'

export interface QueueFilterValues {
  status: TicketStatus | ''
  channel: string
  category: string
  sla: SlaFilter
  q: string
}

export const NO_FILTERS: QueueFilterValues = { status: '', channel: '', category: '', sla: '', q: '' }

/** Filters and search of a queue; applied together, so the list changes once per choice made. */
export function QueueFilterForm({
  values,
  onApply,
}: {
  values: QueueFilterValues
  onApply: (values: QueueFilterValues) => void
}) {
  const { t } = useTranslation()
  const categories = useTripletCategories()
  const [draft, setDraft] = useState(values)
  const set = <K extends keyof QueueFilterValues>(key: K, value: QueueFilterValues[K]) =>
    setDraft((current) => ({ ...current, [key]: value }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onApply({ ...draft, q: draft.q.trim() })
  }
  const active = Object.values(values).some(Boolean)
  const narrowing = Boolean(values.status || values.channel || values.category || values.sla)
  return (
    <form className="civico-panel mb-4" onSubmit={submit} noValidate data-testid="queue-filters">
      <h2 className="h5">{t('crm.queue.filters.title')}</h2>
      <TextField
        label={t('crm.queue.filters.search')}
        hint={t('crm.queue.filters.searchHint')}
        value={draft.q}
        onChange={(event) => set('q', event.target.value)}
        maxLength={100}
        autoComplete="off"
      />
      {/* The other filters fold away on a phone's screen; they stay open while one of them is set. */}
      <details className="civico-crm-more-filters mb-3" open={narrowing || undefined}>
        <summary>{t('crm.queue.filters.more')}</summary>
        <div className="row g-3 mt-1">
          <div className="col-12 col-sm-4">
            <LabelledField label={t('crm.queue.filters.status')}>
              {(control) => (
                <select
                  {...control}
                  className="form-select"
                  value={draft.status}
                  onChange={(event) => set('status', event.target.value as TicketStatus | '')}
                >
                  <option value="">{t('crm.queue.filters.anyOpen')}</option>
                  {TICKET_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`crm.statuses.${status}`)}
                    </option>
                  ))}
                </select>
              )}
            </LabelledField>
          </div>
          <div className="col-12 col-sm-4">
            <LabelledField label={t('crm.queue.filters.channel')}>
              {(control) => (
                <select
                  {...control}
                  className="form-select"
                  value={draft.channel}
                  onChange={(event) => set('channel', event.target.value)}
                >
                  <option value="">{t('crm.queue.filters.anyChannel')}</option>
                  {TICKET_CHANNELS.map((channel) => (
                    <option key={channel} value={channel}>
                      {t(`crm.channels.${channel}`)}
                    </option>
                  ))}
                </select>
              )}
            </LabelledField>
          </div>
          <div className="col-12 col-sm-4">
            <LabelledField label={t('crm.queue.filters.sla')}>
              {(control) => (
                <select
                  {...control}
                  className="form-select"
                  value={draft.sla}
                  onChange={(event) => set('sla', event.target.value as SlaFilter)}
                >
                  <option value="">{t('crm.queue.filters.anySla')}</option>
                  <option value="at-risk">{t('crm.queue.filters.atRisk')}</option>
                  <option value="breached">{t('crm.queue.filters.breached')}</option>
                </select>
              )}
            </LabelledField>
          </div>
        </div>
        <TripletPicker
          categories={categories.data ?? []}
          value={draft.category}
          onChange={(code) => set('category', code)}
          legend={t('crm.queue.filters.triplet')}
        />
      </details>
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary btn-sm">
          {t('crm.queue.filters.apply')}
        </button>
        {active ? (
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm"
            onClick={() => {
              setDraft(NO_FILTERS)
              onApply(NO_FILTERS)
            }}
          >
            {t('crm.queue.filters.clear')}
          </button>
        ) : null}
      </div>
    </form>
  )
}
