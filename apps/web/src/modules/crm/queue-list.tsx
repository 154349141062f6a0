import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDay, formatTime } from '../../app/i18n/format'
import { backOfficeTicketPath } from '../../app/paths'
import { useSignedInSession } from '../../app/session/session-api'
import { ErrorAlert } from '../../app/ui/error-alert'
import { useChannelLabel, useTicketStatusLabel } from './crm-labels'
import { SlaBadges } from './sla-badges'
import { useTeamName } from './teams'
import { type QueueItem, useTicketAction } from './tickets-api'

function ClaimButton({ item, announce }: { item: QueueItem; announce: (message: string) => void }) {
  const { t } = useTranslation()
  const claim = useTicketAction(item.code)
  return (
    <>
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={claim.isPending}
        onClick={() =>
          claim.mutate(
            { action: 'claim', version: item.version },
            { onSuccess: () => announce(t('crm.queue.claimed', { code: item.code })) },
          )
        }
      >
        {t('crm.queue.claim')}
        <span className="visually-hidden"> {item.code}</span>
      </button>
      {claim.isError ? <ErrorAlert error={claim.error} /> : null}
    </>
  )
}

function QueueCard({ item, announce }: { item: QueueItem; announce: (message: string) => void }) {
  const { t, i18n } = useTranslation()
  const session = useSignedInSession()
  const statusLabel = useTicketStatusLabel()
  const channelLabel = useChannelLabel()
  const teamName = useTeamName()
  const mayClaim = !item.assignee && (session?.teams.includes(item.teamCode) ?? false)
  return (
    <li className="civico-panel civico-crm-queue-item" data-ticket={item.code}>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <h3 className="h5 mb-1 text-break">
          <Link to={backOfficeTicketPath(item.code)}>
            <span className="civico-crm-code">{item.code}</span> {item.subject}
          </Link>
        </h3>
        <span className="badge civico-badge-neutral" data-testid="ticket-status">
          {statusLabel(item.status)}
        </span>
      </div>
      <p className="mb-1 small">
        {t('crm.queue.from', { name: item.contactName || t('crm.citizens.noName') })}
        {' · '}
        {t('crm.queue.via', { channel: channelLabel(item.channel) })}
        {' · '}
        {t('crm.queue.opened', {
          day: formatDay(item.createdAt, i18n.language),
          time: formatTime(item.createdAt, i18n.language),
        })}
      </p>
      <p className="mb-2 small">
        {t('crm.queue.team', { team: teamName(item.teamCode) })}
        {' · '}
        {item.assignee ? t('crm.queue.assignee', { name: item.assignee.name }) : t('crm.queue.unassigned')}
        {' · '}
        {item.category ? item.category.name : t('crm.queue.toTriage')}
      </p>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
        <SlaBadges ticket={item} />
        {mayClaim ? <ClaimButton item={item} announce={announce} /> : null}
      </div>
    </li>
  )
}

/** A queue's tickets as cards (they read on a phone as well as on a desk), with claim in place. */
export function QueueList({ items, announce }: { items: QueueItem[]; announce: (message: string) => void }) {
  return (
    <ul className="list-unstyled mb-3" data-testid="queue-list">
      {items.map((item) => (
        <QueueCard key={item.code} item={item} announce={announce} />
      ))}
    </ul>
  )
}
