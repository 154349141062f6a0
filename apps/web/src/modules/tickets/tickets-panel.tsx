import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ticketPath, WRITE_REQUEST_PATH } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { formatMoment, TicketStatusBadge } from './ticket-status'
import { type MyTicketSummary, useMyTickets } from './tickets-api'
import { tripletText } from './write-summary'
import './tickets.css'

function TicketItem({ ticket }: { ticket: MyTicketSummary }) {
  const { t, i18n } = useTranslation()
  const titleId = `ticket-${ticket.code}`
  return (
    <article
      className="civico-panel civico-ticket-item"
      aria-labelledby={titleId}
      data-testid="ticket-item"
      data-code={ticket.code}
    >
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-1">
        <span className="civico-fiscal-code small" data-testid="ticket-code">
          {ticket.code}
        </span>
        <span className="d-flex flex-wrap gap-2">
          {ticket.replied && ticket.status !== 'closed' ? (
            <span className="badge civico-badge-warning" data-testid="ticket-replied">
              {t('tickets.mine.replied')}
            </span>
          ) : null}
          <TicketStatusBadge status={ticket.status} />
        </span>
      </div>
      <h3 id={titleId} className="h5 mb-1">
        <Link to={ticketPath(ticket.code)} className="civico-ticket-link">
          {ticket.subject}
        </Link>
      </h3>
      {ticket.category ? (
        <p className="small text-secondary mb-1">
          {tripletText([ticket.category.area, ticket.category.topic, ticket.category.detail])}
        </p>
      ) : null}
      <p className="small mb-0">
        {t('tickets.mine.lastActivity', { when: formatMoment(ticket.lastActivityAt, i18n.language) })}
      </p>
    </article>
  )
}

/**
 * The personal area's "Richieste": what the citizen wrote to the city, newest first, with its status
 * and whether the city answered; more a page at a time.
 */
export function TicketsPanel() {
  const { t } = useTranslation()
  const tickets = useMyTickets()
  const list = useRef<HTMLUListElement>(null)
  const pages = tickets.data?.pages ?? []
  const items = pages.flatMap((page) => page.items)

  const loadMore = async () => {
    const shown = items.length
    await tickets.fetchNextPage()
    // Focus the first request just added, so a keyboard user continues where the list grew.
    window.setTimeout(() => {
      list.current?.querySelectorAll<HTMLAnchorElement>('.civico-ticket-link')[shown]?.focus()
    }, 0)
  }

  return (
    <div data-testid="tickets-panel">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h2 className="h4 mb-0">{t('tickets.mine.title')}</h2>
        <Link to={WRITE_REQUEST_PATH} className="btn btn-primary btn-sm" data-testid="new-request">
          <Icon name="it-pencil" size="sm" color="white" className="me-1" />
          {t('tickets.mine.write')}
        </Link>
      </div>
      {tickets.isPending ? (
        <LoadingState />
      ) : tickets.isError && !tickets.data ? (
        <ErrorAlert
          error={tickets.error}
          title={t('tickets.mine.loadFailed')}
          onRetry={() => void tickets.refetch()}
        />
      ) : items.length === 0 ? (
        <div className="civico-empty-state" data-testid="tickets-empty">
          <Icon name="it-mail" size="lg" color="primary" className="mb-2" />
          <p className="h5">{t('tickets.mine.emptyTitle')}</p>
          <p className="mb-0">{t('tickets.mine.emptyText')}</p>
        </div>
      ) : (
        <>
          <ul ref={list} className="civico-record-list" data-testid="tickets-list">
            {items.map((ticket) => (
              <li key={ticket.code}>
                <TicketItem ticket={ticket} />
              </li>
            ))}
          </ul>
          {tickets.isFetchNextPageError ? (
            <ErrorAlert error={tickets.error} title={t('tickets.mine.loadFailed')} />
          ) : null}
          {tickets.hasNextPage ? (
            <button
              type="button"
              className="btn btn-outline-primary"
              disabled={tickets.isFetchingNextPage}
              onClick={() => void loadMore()}
              data-testid="tickets-more"
            >
              {tickets.isFetchingNextPage ? t('common.loading') : t('tickets.mine.more')}
            </button>
          ) : null}
        </>
      )}
    </div>
  )
}
