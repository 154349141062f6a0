import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { formatDay, formatTime } from '../../app/i18n/format'
import { BACK_OFFICE_TICKETS_PATH, backOfficeCitizenPath, backOfficeTicketPath } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from '../backoffice/back-office-page'
import { ContactFacts } from './contact-facts'
import { useChannelLabel, useTicketStatusLabel } from './crm-labels'
import { SlaBadges } from './sla-badges'
import { useTeamName } from './teams'
import { AssignAction, StatusAction } from './ticket-actions'
import { TicketComposer } from './ticket-composer'
import { TicketConversation, TicketFiles, TicketHistory } from './ticket-conversation'
import { CategoriseAction, ForwardAction, MergeAction } from './ticket-routing'
import { type StaffTicket, useStaffTicket } from './tickets-api'
import './crm.css'

function TicketHeader({ data }: { data: StaffTicket }) {
  const { t, i18n } = useTranslation()
  const { ticket, triplet } = data
  const statusLabel = useTicketStatusLabel()
  const channelLabel = useChannelLabel()
  const teamName = useTeamName()
  return (
    <section className="civico-panel mb-4" aria-label={t('crm.ticket.summary')} data-testid="ticket-header">
      <div className="d-flex flex-wrap gap-2 align-items-center mb-2">
        <span className="badge civico-badge-neutral" data-testid="ticket-status">
          {statusLabel(ticket.status)}
        </span>
        <SlaBadges ticket={ticket} withDates />
      </div>
      {ticket.mergedIntoCode ? (
        <p className="alert alert-info" data-testid="merged-into">
          {t('crm.ticket.mergedInto')}{' '}
          <Link to={backOfficeTicketPath(ticket.mergedIntoCode)}>{ticket.mergedIntoCode}</Link>
        </p>
      ) : null}
      <dl className="civico-crm-facts mb-0">
        <div>
          <dt>{t('crm.ticket.code')}</dt>
          <dd className="civico-crm-code" data-testid="ticket-code">
            {ticket.code}
          </dd>
        </div>
        <div>
          <dt>{t('crm.ticket.team')}</dt>
          <dd data-testid="ticket-team">{teamName(ticket.teamCode)}</dd>
        </div>
        <div>
          <dt>{t('crm.ticket.assignee')}</dt>
          <dd data-testid="ticket-assignee">{ticket.assignee?.name ?? t('crm.queue.unassigned')}</dd>
        </div>
        <div>
          <dt>{t('crm.ticket.channel')}</dt>
          <dd>{channelLabel(ticket.channel)}</dd>
        </div>
        <div>
          <dt>{t('crm.ticket.opened')}</dt>
          <dd>
            {t('crm.timeline.at', {
              day: formatDay(ticket.createdAt, i18n.language),
              time: formatTime(ticket.createdAt, i18n.language),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('crm.triplet.legend')}</dt>
          <dd data-testid="ticket-triplet">
            {triplet
              ? [triplet.area?.name, triplet.topic?.name, triplet.detail.name].filter(Boolean).join(' › ')
              : t('crm.queue.toTriage')}
          </dd>
        </div>
        {ticket.reopenCount > 0 ? (
          <div>
            <dt>{t('crm.ticket.reopened')}</dt>
            <dd>{ticket.reopenCount}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  )
}

function ContactCard({ contact }: { contact: StaffTicket['contact'] }) {
  const { t } = useTranslation()
  return (
    <section className="civico-panel mb-3" aria-labelledby="contact-title" data-testid="contact-card">
      <h2 id="contact-title" className="h5">
        {t('crm.ticket.contact')}
      </h2>
      <p className="mb-1 fw-semibold">{contact.displayName || t('crm.citizens.noName')}</p>
      <dl className="civico-crm-facts civico-crm-facts-narrow">
        <ContactFacts contact={contact} />
      </dl>
      {contact.fiscalCode ? (
        <Link className="btn btn-outline-primary btn-sm" to={backOfficeCitizenPath(contact.fiscalCode)}>
          {t('crm.citizens.open360')}
        </Link>
      ) : (
        <p className="small mb-0">{t('crm.ticket.anonymousContact')}</p>
      )}
    </section>
  )
}

/**
 * A ticket: its header with the SLA clocks, the contact, the conversation with internal notes set
 * apart, the composer, and the actions the operator may take on it.
 */
export function TicketPage() {
  const { t } = useTranslation()
  const { code = '' } = useParams()
  const ticket = useStaffTicket(code.toUpperCase())
  const [announcement, setAnnouncement] = useState('')
  const data = ticket.data
  const title = data ? `${data.ticket.code} - ${data.ticket.subject}` : code.toUpperCase()
  usePageTitle(useBackOfficeTitle(title))
  const reload = () => void ticket.refetch()
  const props = data ? { data, announce: setAnnouncement, onReload: reload } : null

  return (
    <BackOfficePage title={title} testId="crm-ticket">
      <p>
        <Link to={BACK_OFFICE_TICKETS_PATH}>{t('crm.ticket.back')}</Link>
      </p>
      {ticket.isPending ? <LoadingState /> : null}
      {ticket.isError ? <ErrorAlert error={ticket.error} onRetry={reload} /> : null}
      <div role="status" data-testid="ticket-announcement">
        {announcement ? <p className="alert alert-success">{announcement}</p> : null}
      </div>
      {data && props ? (
        <>
          <TicketHeader data={data} />
          <div className="row g-4">
            <div className="col-12 col-xl-8">
              <TicketConversation code={data.ticket.code} messages={data.messages} />
              <TicketComposer {...props} />
              <TicketHistory events={data.events} />
            </div>
            <div className="col-12 col-xl-4">
              <ContactCard contact={data.contact} />
              <TicketFiles code={data.ticket.code} messages={data.messages} />
              <h2 className="h4">{t('crm.ticket.actions')}</h2>
              <AssignAction {...props} />
              <StatusAction {...props} />
              <CategoriseAction {...props} />
              <ForwardAction {...props} />
              <MergeAction {...props} />
            </div>
          </div>
        </>
      ) : null}
    </BackOfficePage>
  )
}
