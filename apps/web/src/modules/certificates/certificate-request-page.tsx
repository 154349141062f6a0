import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PERSONAL_AREA_PATH } from '../../app/paths'
import { useSignedInSession } from '../../app/session/session-api'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { StepIndicator } from '../../app/ui/step-indicator'
import { usePageTitle } from '../../app/ui/use-page-title'
import { useFolderSummary, usePersonFolder } from '../folder/folder-api'
import { ProblemNotice } from '../identity/problem-notice'
import { RequireLevel } from '../identity/step-up'
import {
  type CertificateOptions,
  type CertificateRequested,
  useCertificateOptions,
  useRequestCertificate,
} from './certificates-api'
import {
  type DraftErrors,
  emptyDraft,
  errorsOf,
  type RequestDraft,
  requestOf,
  SELF,
  stepsOf,
} from './request-draft'
import { RequestResult } from './request-result'
import { DetailsStep, type SubjectChoice, WhatStep } from './request-steps'
import { RequestSummary } from './request-summary'
import { StampStep } from './stamp-step'

/** "Per me" and the minor children of the household the folder lets the citizen see. */
function useSubjects(): SubjectChoice[] {
  const { t } = useTranslation()
  const session = useSignedInSession()
  const summary = useFolderSummary()
  const owner = summary.data?.owner
  const folder = usePersonFolder(owner?.fiscalCode)
  const ownerName =
    owner?.givenName && owner.familyName
      ? `${owner.givenName} ${owner.familyName}`
      : (session?.displayName ?? '')
  const self: SubjectChoice = {
    value: SELF,
    name: ownerName,
    label:
      owner?.basis && owner.basis !== 'self'
        ? t('certificates.forRepresented', { name: ownerName })
        : t('certificates.forMe', { name: ownerName }),
  }
  if (owner?.basis !== 'self' || !folder.data?.registered) return [self]
  const children = folder.data.family.filter(
    (member) => member.minor && member.viewable && member.fiscalCode !== owner.fiscalCode,
  )
  return [
    self,
    ...children.map((child) => {
      const name = `${child.givenName} ${child.familyName}`
      return { value: child.fiscalCode, name, label: t('certificates.forChild', { name }) }
    }),
  ]
}

function RequestForm({ options }: { options: CertificateOptions }) {
  const { t } = useTranslation()
  const subjects = useSubjects()
  const [draft, setDraft] = useState<RequestDraft>(() => emptyDraft(options))
  const [stepIndex, setStepIndex] = useState(0)
  const [errors, setErrors] = useState<DraftErrors>({})
  const [result, setResult] = useState<CertificateRequested | null>(null)
  const request = useRequestCertificate()
  const form = useRef<HTMLFormElement>(null)
  const moved = useRef(false)
  const steps = stepsOf(draft, options)
  const step = steps[Math.min(stepIndex, steps.length - 1)] ?? 'what'
  const last = stepIndex >= steps.length - 1

  // A new step is a new page for whoever reads it: its heading takes the focus (and the phone scrolls to it).
  const focusHeading = (heading: HTMLHeadingElement | null) => {
    if (!heading || !moved.current) return
    moved.current = false
    heading.focus()
  }

  useEffect(() => {
    if (Object.keys(errors).length === 0) return
    const root = form.current
    const field =
      root?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      root?.querySelector('.civico-field-error')?.closest('fieldset')?.querySelector<HTMLElement>('input')
    field?.focus()
  }, [errors])

  const change = (next: Partial<RequestDraft>) => {
    setDraft((current) => ({ ...current, ...next }))
    // A field changed is a field re-answered: its old error no longer applies.
    setErrors((current) => {
      const left = { ...current }
      for (const key of Object.keys(next)) delete left[key as keyof DraftErrors]
      return left
    })
    if (request.isError) request.reset()
  }

  const goTo = (index: number) => {
    moved.current = true
    setErrors({})
    setStepIndex(index)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = errorsOf(step, draft)
    if (Object.keys(found).length > 0) {
      setErrors(found)
      return
    }
    if (!last) {
      goTo(stepIndex + 1)
      return
    }
    request.mutate(requestOf(draft, options), { onSuccess: setResult })
  }

  if (result) {
    return (
      <RequestResult
        result={result}
        onAnother={() => {
          setResult(null)
          setDraft(emptyDraft(options))
          request.reset()
          goTo(0)
        }}
      />
    )
  }

  const subjectLabel = subjects.find((subject) => subject.value === draft.subject)?.name ?? ''
  return (
    <form ref={form} noValidate onSubmit={submit} data-testid="certificate-request" data-step={step}>
      <StepIndicator
        steps={steps}
        current={stepIndex}
        nameOf={(step) => t(`certificates.stepNames.${step}`)}
        progress={t('certificates.progress', { step: stepIndex + 1, total: steps.length })}
      />
      <h2 key={step} ref={focusHeading} className="h3" tabIndex={-1}>
        {step === 'summary' ? t('certificates.summaryTitle') : t(`certificates.stepNames.${step}`)}
      </h2>
      {step === 'summary' ? <p>{t('certificates.summaryLead')}</p> : null}
      {step === 'what' ? (
        <WhatStep draft={draft} options={options} errors={errors} onChange={change} subjects={subjects} />
      ) : null}
      {step === 'details' ? (
        <DetailsStep draft={draft} options={options} errors={errors} onChange={change} />
      ) : null}
      {step === 'stamp' ? (
        <StampStep draft={draft} options={options} errors={errors} onChange={change} />
      ) : null}
      {step === 'summary' ? (
        <RequestSummary draft={draft} options={options} subjectLabel={subjectLabel} />
      ) : null}
      {request.isError ? (
        <div data-testid="certificate-refusal">
          <ProblemNotice error={request.error} title={t('certificates.refusalTitle')} headingLevel="h3" />
        </div>
      ) : null}
      <div className="d-flex flex-wrap justify-content-between gap-2 mt-4">
        {stepIndex > 0 ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => goTo(stepIndex - 1)}>
            {t('certificates.back')}
          </button>
        ) : (
          <span />
        )}
        <button type="submit" className="btn btn-primary" disabled={request.isPending}>
          {last
            ? request.isPending
              ? t('certificates.sending')
              : t('certificates.confirm')
            : t('certificates.next')}
        </button>
      </div>
    </form>
  )
}

/** Certificati anagrafici at /area-personale/certificati: one decision a step, a summary, the PDF. */
export function CertificateRequestPage() {
  const { t } = useTranslation()
  usePageTitle(t('certificates.pageTitle'))
  const options = useCertificateOptions()
  return (
    <div className="container pb-5" data-testid="certificate-request-page">
      <PageHeader
        title={t('certificates.title')}
        lead={t('certificates.lead')}
        parents={[{ label: t('personalArea.title'), to: PERSONAL_AREA_PATH }]}
      />
      <div className="row">
        <div className="col-12 col-lg-8">
          {options.isPending ? (
            <LoadingState />
          ) : options.isError ? (
            <ErrorAlert
              error={options.error}
              title={t('certificates.loadFailed')}
              onRetry={() => void options.refetch()}
            />
          ) : (
            <RequireLevel level={2} reason={t('certificates.levelReason')}>
              <RequestForm options={options.data} />
            </RequireLevel>
          )}
        </div>
      </div>
    </div>
  )
}
