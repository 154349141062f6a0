import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { BACK_OFFICE_PATH, REPORTS_PATH } from '../../app/paths'
import { type SignedInSession, useSession } from '../../app/session/session-api'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { StepIndicator } from '../../app/ui/step-indicator'
import { usePageTitle } from '../../app/ui/use-page-title'
import { ProblemNotice } from '../identity/problem-notice'
import { currentPath } from '../identity/sign-in-urls'
import { IdentityStep } from '../tickets/identity-step'
import type { VerifiedEmail } from '../tickets/write-draft'
import { CategoryStep } from './category-step'
import { DescriptionStep } from './description-step'
import { NearbyReports, type Supported } from './nearby-reports'
import { PlaceStep } from './place-step'
import {
  emptyReportDraft,
  type ReportDraft,
  type ReportErrors,
  reportErrorsOf,
  reportInputOf,
  reportStepsFor,
} from './report-draft'
import { ReportConfirmation, ReportSummary } from './report-summary'
import {
  type FiledReport,
  type MapSettings,
  type ReportCategory,
  useFileReport,
  useMapSettings,
  useReportCategories,
} from './reports-api'
import './reports.css'

type Outcome = { kind: 'filed'; report: FiledReport } | { kind: 'supported'; supported: Supported }

function ReportForm({
  categories,
  settings,
  session,
}: {
  categories: ReportCategory[]
  settings: MapSettings
  session: SignedInSession | undefined
}) {
  const { t } = useTranslation()
  const location = useLocation()
  const formId = useId()
  const steps = reportStepsFor(session !== undefined)
  const [draft, setDraft] = useState<ReportDraft>(() => ({
    ...emptyReportDraft(),
    categoryCode: categories.length === 1 ? (categories[0]?.code ?? '') : '',
  }))
  const [stepIndex, setStepIndex] = useState(0)
  const [errors, setErrors] = useState<ReportErrors>({})
  const [verified, setVerified] = useState<VerifiedEmail | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const file = useFileReport()
  const root = useRef<HTMLDivElement>(null)
  const moved = useRef(false)
  const step = steps[stepIndex] ?? 'place'
  const last = stepIndex === steps.length - 1
  const category = categories.find((entry) => entry.code === draft.categoryCode)

  useEffect(() => {
    if (Object.keys(errors).length === 0) return
    const field =
      root.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      root.current?.querySelector<HTMLElement>('[data-testid="identity-step"] input')
    field?.focus()
  }, [errors])

  const focusHeading = (heading: HTMLHeadingElement | null) => {
    if (!heading || !moved.current) return
    moved.current = false
    heading.focus()
  }

  const change = (next: Partial<ReportDraft>) => {
    setDraft((current) => ({ ...current, ...next }))
    setErrors((current) => {
      const left = { ...current }
      if ('point' in next || 'address' in next) delete left.place
      for (const key of Object.keys(next)) delete left[key as keyof ReportErrors]
      return left
    })
    if (file.isError) file.reset()
  }

  const goTo = (index: number) => {
    moved.current = true
    setErrors({})
    file.reset()
    setStepIndex(index)
  }

  const restart = () => {
    setOutcome(null)
    setVerified(null)
    setDraft(emptyReportDraft())
    goTo(0)
  }

  const next = (event?: FormEvent) => {
    event?.preventDefault()
    const found = reportErrorsOf(step, draft, verified !== null)
    if (Object.keys(found).length > 0) {
      setErrors(found)
      return
    }
    if (!last) {
      goTo(stepIndex + 1)
      return
    }
    file.mutate(reportInputOf(draft, session ? null : verified), {
      onSuccess: (report) => setOutcome({ kind: 'filed', report }),
    })
  }

  if (outcome?.kind === 'filed') {
    return (
      <ReportConfirmation
        title={t('reports.confirmed.title')}
        code={outcome.report.code}
        createdAt={outcome.report.createdAt}
        text={t(session ? 'reports.confirmed.textSignedIn' : 'reports.confirmed.textEmail')}
        ticketCode={session ? outcome.report.ticketCode : undefined}
        onAnother={restart}
      />
    )
  }
  if (outcome?.kind === 'supported') {
    return (
      <ReportConfirmation
        title={t('reports.confirmed.supportedTitle')}
        code={outcome.supported.code}
        text={t('reports.confirmed.supportedText', { count: outcome.supported.supportCount })}
        onAnother={restart}
      />
    )
  }

  const content =
    step === 'place' ? (
      <PlaceStep draft={draft} errors={errors} onChange={change} settings={settings} />
    ) : step === 'category' ? (
      <CategoryStep
        categories={categories}
        value={draft.categoryCode}
        missing={errors.categoryCode === true}
        onChange={(categoryCode) => change({ categoryCode })}
      />
    ) : step === 'description' ? (
      <DescriptionStep draft={draft} errors={errors} onChange={change} />
    ) : step === 'summary' ? (
      <>
        <p>{t('reports.summary.lead')}</p>
        <ReportSummary
          draft={draft}
          category={category}
          writer={
            session
              ? { signedInAs: session.displayName }
              : { verified: verified ?? { email: '', proof: '', name: '' } }
          }
          onEdit={(target) => goTo(Math.max(0, steps.indexOf(target)))}
        />
        <p className="small">
          {t('reports.summary.privacy')} <Link to="/privacy">{t('reports.summary.privacyLink')}</Link>
        </p>
        <div aria-live="polite" data-testid="report-refusal">
          {file.isError ? (
            <ProblemNotice error={file.error} title={t('reports.refusalTitle')} headingLevel="h3" />
          ) : null}
        </div>
      </>
    ) : null

  return (
    <div ref={root} data-testid="report-form" data-step={step}>
      <StepIndicator
        steps={steps}
        current={stepIndex}
        nameOf={(step) => t(`reports.stepNames.${step}`)}
        progress={t('reports.progress', { step: stepIndex + 1, total: steps.length })}
      />
      <h2 key={step} ref={focusHeading} className="h3" tabIndex={-1}>
        {t(`reports.stepTitles.${step}`)}
      </h2>
      {step === 'identity' ? (
        <IdentityStep
          verified={verified}
          onVerified={(value) => {
            setVerified(value)
            setErrors({})
          }}
          missing={errors.identity === true}
          returnTo={currentPath(location)}
        />
      ) : (
        // The identity step and the nearby reports hold forms of their own: this one stays apart.
        <form id={formId} noValidate onSubmit={next}>
          {content}
        </form>
      )}
      {step === 'category' ? (
        <NearbyReports
          categoryCode={draft.categoryCode}
          point={draft.point}
          signedIn={session !== undefined}
          returnTo={currentPath(location)}
          onSupported={(supported) => setOutcome({ kind: 'supported', supported })}
        />
      ) : null}
      <div className="d-flex flex-wrap justify-content-between gap-2 mt-4">
        {stepIndex > 0 ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => goTo(stepIndex - 1)}>
            {t('reports.back')}
          </button>
        ) : (
          <span />
        )}
        <button
          // A new button on each step: a click that moves on must not become a submit on the next one.
          key={step}
          type={step === 'identity' ? 'button' : 'submit'}
          form={step === 'identity' ? undefined : formId}
          className="btn btn-primary"
          disabled={file.isPending}
          onClick={step === 'identity' ? () => next() : undefined}
          data-testid="report-next"
        >
          {last ? (file.isPending ? t('reports.sending') : t('reports.send')) : t('reports.next')}
        </button>
      </div>
    </div>
  )
}

/** /segnalazioni/nuova: place, category, description with photos, who, summary, the report's number. */
export function NewReportPage() {
  const { t } = useTranslation()
  const title = t('reports.newTitle')
  usePageTitle(title)
  const session = useSession()
  const categories = useReportCategories()
  const settings = useMapSettings()
  const signedIn = session.data?.authenticated ? session.data : undefined
  const failed = categories.isError ? categories : settings.isError ? settings : null
  return (
    <div className="container pb-5" data-testid="new-report-page">
      <PageHeader
        title={title}
        lead={t('reports.newLead')}
        parents={[{ label: t('reports.listTitle'), to: REPORTS_PATH }]}
      />
      <div className="row">
        <div className="col-12 col-lg-8">
          {session.isPending || categories.isPending || settings.isPending ? (
            <LoadingState />
          ) : signedIn?.kind === 'staff' ? (
            <div className="alert alert-info" role="status" data-testid="report-staff-notice">
              <p>{t('reports.staffNotice')}</p>
              <Link to={BACK_OFFICE_PATH} className="btn btn-primary btn-sm">
                {t('userMenu.backOffice')}
              </Link>
            </div>
          ) : failed ? (
            <ErrorAlert
              error={failed.error}
              title={t('reports.loadFailed')}
              onRetry={() => void failed.refetch()}
            />
          ) : categories.data && categories.data.length === 0 ? (
            <div className="civico-empty-state">
              <h2 className="h5">{t('reports.noCategoriesTitle')}</h2>
              <p className="mb-0">{t('reports.noCategoriesText')}</p>
            </div>
          ) : categories.data && settings.data ? (
            <ReportForm categories={categories.data} settings={settings.data} session={signedIn} />
          ) : null}
        </div>
      </div>
    </div>
  )
}
