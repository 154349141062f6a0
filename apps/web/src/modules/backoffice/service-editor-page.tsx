import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../app/api/api-error'
import { BACK_OFFICE_SERVICES_PATH } from '../../app/paths'
import { CheckboxGroup } from '../../app/ui/checkbox-group'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { TextArea } from '../../app/ui/text-area'
import { TextField } from '../../app/ui/text-field'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import {
  type EditableService,
  SERVICE_CHANNELS,
  SERVICE_STATUSES,
  type ServiceSectionsDraft,
  useEditableService,
  useSaveService,
} from './catalogue-editor-api'
import { ServiceSectionsFields } from './service-sections-fields'

/** Lists typed one item per line lose their blank lines and stray spaces before saving. */
function tidy(sections: ServiceSectionsDraft): ServiceSectionsDraft {
  const clean = (items: string[]) => items.map((item) => item.trim()).filter(Boolean)
  return { ...sections, howTo: clean(sections.howTo), whatYouNeed: clean(sections.whatYouNeed) }
}

function ServiceForm({ initial }: { initial: EditableService }) {
  const { t } = useTranslation()
  const statusId = useId()
  const levelId = useId()
  const [draft, setDraft] = useState(initial)
  const save = useSaveService(initial.slug)
  useEffect(() => setDraft(initial), [initial])
  const errorOf = (field: string) => (isApiError(save.error) ? save.error.fieldError(field) : undefined)
  const set = <K extends keyof EditableService>(key: K, value: EditableService[K]) =>
    setDraft((current) => ({ ...current, [key]: value }))

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate({ ...draft, sections: { it: tidy(draft.sections.it), en: tidy(draft.sections.en) } })
  }

  return (
    <form onSubmit={onSubmit} noValidate data-testid="service-form">
      {save.isSuccess ? (
        <div className="alert alert-success" role="status" data-testid="service-saved">
          {t('backOffice.services.saved')}{' '}
          <Link to={`/servizi/${initial.slug}`}>{t('backOffice.services.viewPage')}</Link>
        </div>
      ) : null}
      {save.isError ? <ErrorAlert error={save.error} title={t('backOffice.services.saveFailed')} /> : null}
      <div className="civico-panel mb-4">
        <div className="row g-3">
          <div className="col-12 col-md-6">
            <TextField
              label={t('backOffice.services.titleIt')}
              value={draft.title.it}
              onChange={(e) => set('title', { ...draft.title, it: e.target.value })}
              error={errorOf('title.it')}
            />
          </div>
          <div className="col-12 col-md-6">
            <TextField
              label={t('backOffice.services.titleEn')}
              lang="en"
              value={draft.title.en}
              onChange={(e) => set('title', { ...draft.title, en: e.target.value })}
              error={errorOf('title.en')}
            />
          </div>
          <div className="col-12 col-md-6">
            <TextArea
              label={t('backOffice.services.summaryIt')}
              value={draft.summary.it}
              onChange={(e) => set('summary', { ...draft.summary, it: e.target.value })}
              error={errorOf('summary.it')}
            />
          </div>
          <div className="col-12 col-md-6">
            <TextArea
              label={t('backOffice.services.summaryEn')}
              lang="en"
              value={draft.summary.en}
              onChange={(e) => set('summary', { ...draft.summary, en: e.target.value })}
              error={errorOf('summary.en')}
            />
          </div>
          <div className="col-12 col-md-4">
            <div className="civico-field">
              <label htmlFor={statusId} className="civico-field-label">
                {t('backOffice.services.status')}
              </label>
              <select
                id={statusId}
                className="form-select"
                value={draft.status}
                onChange={(e) => set('status', e.target.value as EditableService['status'])}
              >
                {SERVICE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`backOffice.services.statuses.${status}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="col-12 col-md-4">
            <div className="civico-field">
              <label htmlFor={levelId} className="civico-field-label">
                {t('backOffice.services.level')}
              </label>
              <select
                id={levelId}
                className="form-select"
                value={draft.onlineAccessLevel ?? ''}
                onChange={(e) =>
                  set('onlineAccessLevel', e.target.value ? (Number(e.target.value) as 1 | 2 | 3) : null)
                }
              >
                <option value="">{t('backOffice.services.levelNone')}</option>
                {[1, 2, 3].map((level) => (
                  <option key={level} value={level}>
                    {t('backOffice.services.levelValue', { level })}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="col-12 col-md-4">
            <CheckboxGroup
              legend={t('backOffice.services.channels')}
              options={SERVICE_CHANNELS.map((channel) => ({
                value: channel,
                label: t(`backOffice.services.channelNames.${channel}`),
              }))}
              selected={draft.channels}
              onChange={(channels) => set('channels', channels)}
              error={errorOf('channels')}
            />
          </div>
          <div className="col-12 col-md-6">
            <div className="form-check">
              <input
                id={`${statusId}-featured`}
                type="checkbox"
                className="form-check-input"
                checked={draft.featured}
                onChange={(e) => set('featured', e.target.checked)}
              />
              <label htmlFor={`${statusId}-featured`} className="form-check-label">
                {t('backOffice.services.featuredCheck')}
              </label>
            </div>
          </div>
          <div className="col-12 col-md-6">
            <TextField
              label={t('backOffice.services.featuredOrder')}
              type="number"
              min={0}
              max={1000}
              value={String(draft.featuredOrder)}
              onChange={(e) => set('featuredOrder', Number(e.target.value) || 0)}
              error={errorOf('featuredOrder')}
            />
          </div>
        </div>
      </div>
      <div className="row g-4">
        {(['it', 'en'] as const).map((language) => (
          <div key={language} className="col-12 col-xl-6">
            <div className="civico-panel">
              <ServiceSectionsFields
                language={language}
                sections={draft.sections[language]}
                onChange={(sections) => set('sections', { ...draft.sections, [language]: sections })}
                errorOf={errorOf}
              />
            </div>
          </div>
        ))}
      </div>
      <div className="d-flex gap-2 mt-4">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t('backOffice.services.save')}
        </button>
        <Link to={BACK_OFFICE_SERVICES_PATH} className="btn btn-outline-primary">
          {t('backOffice.services.back')}
        </Link>
      </div>
    </form>
  )
}

/** Editing one service page, both languages side by side on a wide screen. */
export function ServiceEditorPage() {
  const { t } = useTranslation()
  const { slug } = useParams()
  const service = useEditableService(slug)
  const title = service.data
    ? t('backOffice.services.editTitle', { title: service.data.title.it })
    : t('backOffice.services.title')
  usePageTitle(useBackOfficeTitle(title))
  return (
    <BackOfficePage title={title} testId="service-editor">
      {service.isPending ? <LoadingState /> : null}
      {service.isError ? <ErrorAlert error={service.error} onRetry={() => void service.refetch()} /> : null}
      {service.data ? <ServiceForm initial={service.data} /> : null}
    </BackOfficePage>
  )
}
