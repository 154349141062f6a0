import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { BACK_OFFICE_PATH, WRITE_TO_CITY_PATH } from '../../app/paths'
import { type SignedInSession, useSession } from '../../app/session/session-api'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { ProblemNotice } from '../identity/problem-notice'
import { currentPath } from '../identity/sign-in-urls'
import { type CategoryArea, chosenCategory, useTaxonomy } from './categories-api'
import { IdentityStep } from './identity-step'
import { uploadsOf } from './ticket-files'
import { useWriteTicket, type WrittenTicket } from './tickets-api'
import './tickets.css'
import { StepIndicator } from '../../app/ui/step-indicator'
import { WriteConfirmation } from './write-confirmation'
import {
  clearDraft,
  type DraftErrors,
  emptyDraft,
  errorsOf,
  loadDraft,
  saveDraft,
  stepsFor,
  type VerifiedEmail,
  type WriteDraft,
  type WriteKind,
  type WriteStep,
  writeInputOf,
} from './write-draft'
import { CategoryStep, RequestStep, withSingleChoices } from './write-steps'
import { WriteSummary } from './write-summary'

/** Where a restored draft may resume: its step, unless an earlier one is no longer complete. */
function resumeIndex(steps: WriteStep[], draft: WriteDraft): number {
  const wanted = steps.includes(draft.step) ? steps.indexOf(draft.step) : steps.indexOf('summary')
  for (let index = 0; index < wanted; index++) {
    const step = steps[index] as WriteStep
    // A verified address is never kept in the browser: someone not signed in proves it again.
    if (step === 'identity') return index
    if (Object.keys(errorsOf(step, draft, true)).length > 0) return index
  }
  return Math.max(0, wanted)
}

function WriteForm({
  kind,
  areas,
  session,
}: {
  kind: WriteKind
  areas: CategoryArea[]
  session: SignedInSession | undefined
}) {
  const { t } = useTranslation()
  const location = useLocation()
  const steps = stepsFor(session !== undefined)
  const [restored] = useState(() => loadDraft(kind))
  const [draft, setDraft] = useState<WriteDraft>(() =>
    withSingleChoices(restored?.draft ?? emptyDraft(), areas),
  )
  const [stepIndex, setStepIndex] = useState(() => (restored ? resumeIndex(steps, restored.draft) : 0))
  const [filesLost, setFilesLost] = useState(restored?.filesLost ?? false)
  const [errors, setErrors] = useState<DraftErrors>({})
  const [verified, setVerified] = useState<VerifiedEmail | null>(null)
  const [written, setWritten] = useState<{ ticket: WrittenTicket; email: string | null } | null>(null)
  const write = useWriteTicket(kind === 'mayor')
  const root = useRef<HTMLDivElement>(null)
  // Back from signing in, the step the person resumes is a new page for them: its heading takes focus.
  const moved = useRef(stepIndex > 0)
  const savedFiles = useRef(draft.files)
  const step = steps[stepIndex] ?? 'category'
  const last = stepIndex === steps.length - 1
  const category = chosenCategory(areas, draft)

  useEffect(() => {
    const filesChanged = savedFiles.current !== draft.files
    savedFiles.current = draft.files
    saveDraft(kind, { ...draft, step }, filesChanged)
  }, [kind, draft, step])

  useEffect(() => {
    if (Object.keys(errors).length === 0) return
    const field =
      root.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      root.current
        ?.querySelector('.civico-field-error')
        ?.closest('fieldset')
        ?.querySelector<HTMLElement>('input') ??
      root.current?.querySelector<HTMLElement>('[data-testid="identity-step"] input')
    field?.focus()
  }, [errors])

  const focusHeading = (heading: HTMLHeadingElement | null) => {
    if (!heading || !moved.current) return
    moved.current = false
    heading.focus()
  }

  const change = (next: Partial<WriteDraft>) => {
    setDraft((current) => ({ ...current, ...next }))
    setErrors((current) => {
      const left = { ...current }
      for (const key of Object.keys(next)) delete left[key as keyof DraftErrors]
      return left
    })
    if (next.files) setFilesLost(false)
    if (write.isError) write.reset()
  }

  const goTo = (index: number) => {
    moved.current = true
    setErrors({})
    write.reset()
    setStepIndex(index)
  }

  const send = () => {
    write.mutate(writeInputOf(draft, uploadsOf(draft.files), session ? null : verified), {
      onSuccess: (ticket) => {
        clearDraft(kind)
        setWritten({ ticket, email: session ? null : (verified?.email ?? null) })
      },
    })
  }

  const next = (event?: FormEvent) => {
    event?.preventDefault()
    const found = errorsOf(step, draft, verified !== null)
    if (Object.keys(found).length > 0) {
      setErrors(found)
      return
    }
    if (last) send()
    else goTo(stepIndex + 1)
  }

  if (written) {
    return (
      <WriteConfirmation
        written={written.ticket}
        kind={kind}
        email={written.email}
        onAnother={() => {
          setWritten(null)
          setVerified(null)
          setDraft(withSingleChoices(emptyDraft(), areas))
          write.reset()
          goTo(0)
        }}
      />
    )
  }

  const navigation = (
    <div className="d-flex flex-wrap justify-content-between gap-2 mt-4">
      {stepIndex > 0 ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => goTo(stepIndex - 1)}>
          {t('tickets.write.back')}
        </button>
      ) : (
        <span />
      )}
      <button
        type={step === 'identity' ? 'button' : 'submit'}
        className="btn btn-primary"
        disabled={write.isPending}
        onClick={step === 'identity' ? () => next() : undefined}
        data-testid="write-next"
      >
        {last
          ? write.isPending
            ? t('tickets.write.sending')
            : t('tickets.write.send')
          : t('tickets.write.next')}
      </button>
    </div>
  )

  const content =
    step === 'category' ? (
      <CategoryStep draft={draft} errors={errors} onChange={change} areas={areas} />
    ) : step === 'request' ? (
      <>
        {filesLost ? (
          <p className="alert alert-warning" data-testid="files-lost">
            {t('tickets.write.filesLost')}
          </p>
        ) : null}
        <RequestStep draft={draft} errors={errors} onChange={change} />
      </>
    ) : step === 'summary' ? (
      <>
        <p>{t('tickets.summary.lead')}</p>
        <WriteSummary
          draft={draft}
          category={category}
          writer={
            session
              ? { signedInAs: session.displayName, actingFor: session.actingFor }
              : { verified: verified ?? { email: '', proof: '', name: '' } }
          }
          onEdit={(target) => goTo(Math.max(0, steps.indexOf(target)))}
        />
        <p className="small">
          {t('tickets.summary.privacy')} <Link to="/privacy">{t('tickets.summary.privacyLink')}</Link>
        </p>
        <div aria-live="polite" data-testid="write-refusal">
          {write.isError ? (
            <ProblemNotice error={write.error} title={t('tickets.write.refusalTitle')} headingLevel="h3" />
          ) : null}
        </div>
      </>
    ) : null

  return (
    <div ref={root} data-testid="write-form" data-step={step}>
      <StepIndicator
        steps={steps}
        current={stepIndex}
        nameOf={(step) => t(`tickets.write.stepNames.${step}`)}
        progress={t('tickets.write.progress', { step: stepIndex + 1, total: steps.length })}
      />
      <h2 key={step} ref={focusHeading} className="h3" tabIndex={-1}>
        {t(`tickets.write.stepTitles.${step}`)}
      </h2>
      {step === 'identity' ? (
        <>
          <IdentityStep
            verified={verified}
            onVerified={(value) => {
              setVerified(value)
              setErrors({})
            }}
            missing={errors.identity === true}
            returnTo={currentPath(location)}
          />
          {navigation}
        </>
      ) : (
        <form noValidate onSubmit={next}>
          {content}
          {navigation}
        </form>
      )}
    </div>
  )
}

/** Staff sessions cannot write as citizens: the console has its own way to open a request. */
function StaffNotice() {
  const { t } = useTranslation()
  return (
    <div className="alert alert-info" role="status" data-testid="write-staff-notice">
      <p>{t('tickets.write.staffNotice')}</p>
      <Link to={BACK_OFFICE_PATH} className="btn btn-primary btn-sm">
        {t('userMenu.backOffice')}
      </Link>
    </div>
  )
}

/**
 * "Scrivi al Comune" (/scrivi/nuova-richiesta) and "Scrivi al Sindaco" (/scrivi/sindaco): the
 * classification, the request with its files, who writes, a summary, the request's code.
 */
export function WriteRequestPage({ kind }: { kind: WriteKind }) {
  const { t } = useTranslation()
  const title = t(kind === 'mayor' ? 'tickets.write.titleMayor' : 'tickets.write.title')
  usePageTitle(title)
  const session = useSession()
  const taxonomy = useTaxonomy(kind)
  const signedIn = session.data?.authenticated ? session.data : undefined
  return (
    <div className="container pb-5" data-testid="write-request-page" data-kind={kind}>
      <PageHeader
        title={title}
        lead={t(kind === 'mayor' ? 'tickets.write.leadMayor' : 'tickets.write.lead')}
        parents={[{ label: t('writeToCity.title'), to: WRITE_TO_CITY_PATH }]}
      />
      <div className="row">
        <div className="col-12 col-lg-8">
          {session.isPending || taxonomy.isPending ? (
            <LoadingState />
          ) : signedIn?.kind === 'staff' ? (
            <StaffNotice />
          ) : taxonomy.isError ? (
            <ErrorAlert
              error={taxonomy.error}
              title={t('tickets.write.loadFailed')}
              onRetry={() => void taxonomy.refetch()}
            />
          ) : taxonomy.data.length === 0 ? (
            <div className="civico-empty-state">
              <Icon name="it-mail" size="lg" color="primary" className="mb-2" />
              <h2 className="h5">{t('tickets.write.noCategoriesTitle')}</h2>
              <p className="mb-0">{t('tickets.write.noCategoriesText')}</p>
            </div>
          ) : (
            <WriteForm kind={kind} areas={taxonomy.data} session={signedIn} />
          )}
        </div>
      </div>
    </div>
  )
}
