import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { APPOINTMENTS_SECTION_PATH } from '../../app/paths'
import { ProblemNotice } from '../identity/problem-notice'
import { useJoinWaitlist } from './appointments-api'
import { formatWeekday } from './booking-days'

/** A full day: the citizen may join its waiting list and be offered a time someone frees. */
export function WaitlistOffer({
  serviceId,
  officeId,
  date,
}: {
  serviceId: string
  officeId: string
  date: string
}) {
  const { t, i18n } = useTranslation()
  const join = useJoinWaitlist()
  const day = formatWeekday(date, i18n.language)
  const joined = join.isSuccess && join.variables?.date === date ? join.data : undefined
  if (joined) {
    return (
      <div role="status" data-testid="waitlist-joined">
        <p className="civico-success-text mb-1">{t('appointments.waitlist.joined', { day })}</p>
        <p className="mb-2">
          {joined.position
            ? t('appointments.waitlist.joinedPosition', { position: joined.position })
            : t('appointments.waitlist.joinedText')}
        </p>
        <Link to={APPOINTMENTS_SECTION_PATH}>{t('appointments.waitlist.toPersonalArea')}</Link>
      </div>
    )
  }
  return (
    <>
      <p>{t('appointments.waitlist.offerText')}</p>
      <div aria-live="polite">
        {join.isError && join.variables?.date === date ? (
          <ProblemNotice error={join.error} title={t('appointments.waitlist.joinFailed')} headingLevel="h3" />
        ) : null}
      </div>
      <button
        type="button"
        className="btn btn-outline-primary"
        disabled={join.isPending}
        onClick={() => join.mutate({ service: serviceId, office: officeId, date })}
        data-testid="join-waitlist"
      >
        {t('appointments.waitlist.join')}
      </button>
    </>
  )
}
