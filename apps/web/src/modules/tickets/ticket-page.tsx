import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { PERSONAL_AREA_PATH, TICKETS_SECTION_PATH, WRITE_REQUEST_PATH } from '../../app/paths'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { ProblemNotice } from '../identity/problem-notice'
import { ReplyForm } from './reply-form'
import { TicketConversation, TicketHistory } from './ticket-conversation'
import { formatMoment, TicketStatusBadge } from './ticket-status'
import { type MyTicket, useMyTicket } from './tickets-api'
import './tickets.css'
import { tripletText } from './write-summary'

function TicketFacts({ ticket }: { ticket: MyTicket }) {
  const { t, i18n } = useTranslation()
  const rows: [string, string][] = [
    [t('tickets.page.code'), ticket.code],
    ...(ticket.category
      ? [
          [
            t('tickets.page.category'),
            tripletText([ticket.category.area, ticket.category.topic, ticket.category.detail]),
          ] as [string, string],
        ]
      : []),
    [t('tickets.page.channel'), t(`tickets.channels.${ticket.channel}`)],
    [t('tickets.page.sent'), formatMoment(ticket.createdAt, i18n.language)],
    [t('tickets.page.lastActivity'), formatMoment(ticket.lastActivityAt, i18n.language)],
  ]
  return (
    <section className="civico-panel mb-4" aria-labelledby="ticket-facts-title" data-testid="ticket-facts">
      <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
        <h2 id="ticket-facts-title" className="h5 mb-0">
          {t('tickets.page.statusTitle')}
        </h2>
        <TicketStatusBadge status={ticket.status} />
      </div>
      <dl className="civico-facts civico-facts-two-columns mb-0">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

/** Why a request takes no more messages, and the way to write again. */
function ClosedNotice({ ticket }: { ticket: MyTicket }) {
  const { t } = useTranslation()
  return (
    <div className="civico-panel civico-closed-notice" data-testid="ticket-closed">
      <p className="fw-semibold">
        {t(ticket.status === 'closed' ? 'tickets.page.closedTitle' : 'tickets.page.noReplyTitle')}
      </p>
      <p>{t('tickets.page.closedText', { code: ticket.code })}</p>
      <Link to={WRITE_REQUEST_PATH} className="btn btn-primary btn-sm">
        <Icon name="it-pencil" size="sm" color="white" className="me-1" />
        {t('tickets.page.writeNew')}
      </Link>
    </div>
  )
}

/**
 * One request in the personal area (/area-personale/richieste/:code), the page the city's e-mails
 * and notifications open: its status, the conversation with its files, a reply, the history.
 */
export function TicketPage() {
  const { t } = useTranslation()
  const { code = '' } = useParams()
  const ticket = useMyTicket(code.toUpperCase())
  const data = ticket.data
  usePageTitle(data ? t('tickets.page.pageTitle', { code: data.code }) : t('tickets.page.fallbackTitle'))

  return (
    <div className="container pb-5" data-testid="ticket-page">
      <PageHeader
        title={data?.subject ?? t('tickets.page.fallbackTitle')}
        parents={[
          { label: t('personalArea.title'), to: PERSONAL_AREA_PATH },
          { label: t('tickets.mine.title'), to: TICKETS_SECTION_PATH },
        ]}
      />
      <div className="row">
        <div className="col-12 col-lg-8">
          {ticket.isPending ? <LoadingState /> : null}
          {ticket.isError ? (
            <>
              <ProblemNotice error={ticket.error} onRetry={() => void ticket.refetch()} />
              <Link to={TICKETS_SECTION_PATH}>{t('tickets.page.backToList')}</Link>
            </>
          ) : null}
          {data ? (
            <>
              {data.status === 'waiting-citizen' && data.canReply ? (
                <div className="alert alert-warning" data-testid="ticket-waiting">
                  {t('tickets.page.waitingForYou')}{' '}
                  <button
                    type="button"
                    className="btn btn-link p-0 align-baseline"
                    onClick={() => document.getElementById('reply-title')?.focus()}
                  >
                    {t('tickets.page.toReply')}
                  </button>
                </div>
              ) : null}
              <TicketFacts ticket={data} />
              <section className="mb-4" aria-labelledby="conversation-title">
                <h2 id="conversation-title" className="h4">
                  {t('tickets.page.conversationTitle')}
                </h2>
                <TicketConversation ticket={data} />
              </section>
              <section className="mb-4" aria-labelledby="reply-title">
                <h2 id="reply-title" className="h4" tabIndex={-1}>
                  {t('tickets.page.replyTitle')}
                </h2>
                {data.canReply ? <ReplyForm code={data.code} /> : <ClosedNotice ticket={data} />}
              </section>
              <section aria-labelledby="history-title">
                <h2 id="history-title" className="h4">
                  {t('tickets.page.historyTitle')}
                </h2>
                <TicketHistory history={data.history} />
              </section>
            </>
          ) : null}
        </div>
      </div>
    </div>
  )
}
