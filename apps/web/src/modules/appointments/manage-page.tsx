import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { isApiError } from '../../app/api/api-error'
import { formatDay, formatTime } from '../../app/i18n/format'
import { BOOK_APPOINTMENT_PATH } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { bookingExtras, StatusBadge } from './appointment-card'
import { ACTIVE_STATUSES, type ManagedAppointment } from './appointments-api'
import { AppointmentFacts, DocumentsToBring } from './booking-steps'
import { ConfirmDialog } from './confirm-dialog'
import { useManageCancel, useManagedAppointment, useManageReschedule } from './manage-api'
import { RescheduleForm } from './reschedule-form'
import './appointments.css'

/** Refusals that mean the link itself is wrong, expired or for an appointment that is gone. */
const UNUSABLE_LINK = [400, 401, 403, 404, 410]

function ManagedView({
  appointment,
  code,
  token,
}: {
  appointment: ManagedAppointment
  code: string
  token: string
}) {
  const { t, i18n } = useTranslation()
  const cancel = useManageCancel(code, token)
  const reschedule = useManageReschedule(code, token)
  const [confirmingCancel, setConfirmingCancel] = useState(false)
  const [moving, setMoving] = useState(false)
  const [notice, setNotice] = useState('')
  const when = {
    day: formatDay(appointment.startsAt, i18n.language),
    time: formatTime(appointment.startsAt, i18n.language),
  }
  const active = ACTIVE_STATUSES.includes(appointment.status)
  return (
    <section className="civico-panel" data-testid="managed-appointment" data-status={appointment.status}>
      <div className="d-flex flex-wrap align-items-start justify-content-between gap-2 mb-2">
        <h2 className="h4 mb-0">{appointment.service.name}</h2>
        <StatusBadge status={appointment.status} />
      </div>
      <div aria-live="polite">
        {notice ? (
          <p className="alert alert-success" data-testid="manage-notice">
            {notice}
          </p>
        ) : null}
      </div>
      <AppointmentFacts
        showService={false}
        serviceName={appointment.service.name}
        startsAt={appointment.startsAt}
        endsAt={appointment.endsAt}
        officeName={appointment.office.name}
        address={appointment.office.address}
        extra={bookingExtras(appointment, t)}
      />
      {active ? <DocumentsToBring documents={appointment.documentsToBring} /> : null}
      {appointment.changeable ? (
        <div className="d-flex flex-column flex-sm-row flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-outline-primary"
            aria-expanded={moving}
            onClick={() => {
              setNotice('')
              reschedule.reset()
              setMoving((open) => !open)
            }}
            data-testid="manage-reschedule"
          >
            {t('appointments.manage.reschedule')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => {
              cancel.reset()
              setConfirmingCancel(true)
            }}
            data-testid="manage-cancel"
          >
            {t('appointments.manage.cancel')}
          </button>
        </div>
      ) : (
        <p className="mb-0" data-testid="manage-not-changeable">
          {active ? t('appointments.manage.notChangeable') : t('appointments.manage.over')}
        </p>
      )}
      {moving ? (
        <RescheduleForm
          serviceId={appointment.service.id}
          officeId={appointment.office.id}
          currentStart={appointment.startsAt}
          pending={reschedule.isPending}
          error={reschedule.error}
          idPrefix="manage-move"
          onCancel={() => setMoving(false)}
          onSubmit={(start) =>
            reschedule.mutate(start, {
              onSuccess: () => {
                setMoving(false)
                setNotice(
                  t('appointments.card.moved', {
                    day: formatDay(start, i18n.language),
                    time: formatTime(start, i18n.language),
                  }),
                )
              },
            })
          }
        />
      ) : null}
      <ConfirmDialog
        open={confirmingCancel}
        title={t('appointments.cancelDialog.title')}
        confirmLabel={t('appointments.cancelDialog.confirm')}
        pending={cancel.isPending}
        error={cancel.error}
        testId="cancel-dialog"
        onDismiss={() => setConfirmingCancel(false)}
        onConfirm={() =>
          cancel.mutate(undefined, {
            onSuccess: () => {
              setConfirmingCancel(false)
              setNotice(t('appointments.manage.cancelled', when))
            },
          })
        }
      >
        <p className="mb-0">
          {t('appointments.cancelDialog.text', {
            service: appointment.service.name,
            ...when,
            office: appointment.office.name,
          })}
        </p>
      </ConfirmDialog>
    </section>
  )
}

/**
 * The page the confirmation e-mail links to, without signing in: the link's token is the secret.
 * Opening it only shows the appointment (a mail scanner following links changes nothing); each
 * change is asked for, and confirmed, by the person.
 */
export function ManageAppointmentPage() {
  const { t } = useTranslation()
  const code = (useParams().code ?? '').toUpperCase()
  const token = useSearchParams()[0].get('token') ?? ''
  usePageTitle(t('appointments.manage.pageTitle', { code }))
  const managed = useManagedAppointment(code, token)
  const unusable =
    !token || (managed.isError && isApiError(managed.error) && UNUSABLE_LINK.includes(managed.error.status))
  return (
    <div className="container pb-5" data-testid="manage-page">
      <PageHeader title={t('appointments.manage.title', { code })} lead={t('appointments.manage.lead')} />
      <div className="row">
        <div className="col-12 col-lg-8">
          {unusable ? (
            <div className="civico-empty-state" data-testid="manage-link-unusable">
              <Icon name="it-warning-circle" size="lg" color="warning" className="mb-2" />
              <h2 className="h5">{t('appointments.manage.unusableTitle')}</h2>
              <p>{t('appointments.manage.unusableText')}</p>
              <Link to={BOOK_APPOINTMENT_PATH} className="btn btn-outline-primary btn-sm">
                {t('appointments.manage.toBooking')}
              </Link>
            </div>
          ) : managed.isPending ? (
            <LoadingState />
          ) : managed.isError ? (
            <ErrorAlert error={managed.error} onRetry={() => void managed.refetch()} />
          ) : (
            <ManagedView appointment={managed.data} code={code} token={token} />
          )}
        </div>
      </div>
    </div>
  )
}
