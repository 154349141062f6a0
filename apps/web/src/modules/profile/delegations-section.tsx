import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatLastDay } from '../../app/i18n/format'
import { LoadingState } from '../../app/ui/loading-state'
import { ModalDialog } from '../../app/ui/modal-dialog'
import { ProblemNotice } from '../identity/problem-notice'
import { RequireLevel } from '../identity/step-up'
import { DelegationForm } from './delegation-form'
import { type Delegation, type DelegationParty, useDelegations, useRevokeDelegation } from './delegations-api'

const STATUS_CLASSES: Record<Delegation['status'], string> = {
  active: 'civico-badge-verified',
  expired: 'civico-badge-unverified',
  revoked: 'civico-badge-unverified',
}

function partyLabel(party: DelegationParty): string {
  return party.name ? `${party.name} (${party.fiscalCode})` : party.fiscalCode
}

function DelegationItem({ delegation, onRevoke }: { delegation: Delegation; onRevoke?: () => void }) {
  const { t, i18n } = useTranslation()
  const other = delegation.direction === 'given' ? delegation.delegate : delegation.delegator
  return (
    <li className="civico-delegation" data-testid="delegation">
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <p className="mb-1">
          <strong>{partyLabel(other)}</strong>
        </p>
        <span className={`badge ${STATUS_CLASSES[delegation.status]}`}>
          {t(`delegations.status.${delegation.status}`)}
        </span>
      </div>
      <p className="mb-1 small">
        {delegation.scopes.map((scope) => t(`delegations.scopes.${scope}`)).join(', ')}
      </p>
      <p className="mb-2 small">
        {t('delegations.validUntil', { date: formatLastDay(delegation.validUntil, i18n.language) })}
      </p>
      {onRevoke ? (
        <button type="button" className="btn btn-outline-danger btn-sm" onClick={onRevoke}>
          {t('delegations.revoke')}
          <span className="visually-hidden"> {partyLabel(other)}</span>
        </button>
      ) : null}
    </li>
  )
}

interface DelegationGroupProps {
  title: string
  none: string
  delegations: Delegation[]
  /** Offered for delegations in force; only the delegator may revoke. */
  onRevoke?: (delegation: Delegation) => void
}

/** Delegations in force first; ended ones stay available but folded, so the list stays readable. */
function DelegationGroup({ title, none, delegations, onRevoke }: DelegationGroupProps) {
  const { t } = useTranslation()
  const active = delegations.filter((delegation) => delegation.status === 'active')
  const ended = delegations.filter((delegation) => delegation.status !== 'active')
  const item = (delegation: Delegation) => (
    <DelegationItem
      key={delegation.id}
      delegation={delegation}
      onRevoke={onRevoke && delegation.status === 'active' ? () => onRevoke(delegation) : undefined}
    />
  )
  return (
    <>
      <h3 className="h6">{title}</h3>
      {active.length === 0 ? (
        <p className="small">{ended.length === 0 ? none : t('delegations.noneActive')}</p>
      ) : (
        <ul className="civico-delegation-list">{active.map(item)}</ul>
      )}
      {ended.length > 0 ? (
        <details className="civico-ended-delegations">
          <summary>{t('delegations.ended', { count: ended.length })}</summary>
          <ul className="civico-delegation-list">{ended.map(item)}</ul>
        </details>
      ) : null}
    </>
  )
}

/** Delegations given and received, a form to give a new one (SPID level 2), and revocation. */
export function DelegationsSection() {
  const { t } = useTranslation()
  const delegations = useDelegations()
  const revoke = useRevokeDelegation()
  const [toRevoke, setToRevoke] = useState<Delegation>()
  const [created, setCreated] = useState<string>()
  const [revoked, setRevoked] = useState<string>()

  const confirmRevoke = () => {
    if (!toRevoke) return
    const name = partyLabel(toRevoke.delegate)
    revoke.mutate(toRevoke.id, {
      onSuccess: () => {
        setRevoked(name)
        setCreated(undefined)
        setToRevoke(undefined)
      },
    })
  }

  return (
    <section className="civico-panel" aria-labelledby="delegations-title" data-testid="delegations">
      <h2 id="delegations-title" className="h4">
        {t('delegations.title')}
      </h2>
      <p>{t('delegations.lead')}</p>
      <div role="status">
        {created ? (
          <p className="civico-success-text">{t('delegations.created', { name: created })}</p>
        ) : null}
        {revoked ? (
          <p className="civico-success-text">{t('delegations.revoked', { name: revoked })}</p>
        ) : null}
      </div>
      {delegations.isPending ? <LoadingState /> : null}
      {delegations.isError ? (
        <ProblemNotice
          error={delegations.error}
          title={t('delegations.loadFailed')}
          onRetry={() => void delegations.refetch()}
        />
      ) : null}
      {delegations.data ? (
        <div className="row g-4">
          <div className="col-12 col-md-6">
            <DelegationGroup
              title={t('delegations.givenTitle')}
              none={t('delegations.givenNone')}
              delegations={delegations.data.given}
              onRevoke={setToRevoke}
            />
          </div>
          <div className="col-12 col-md-6">
            <DelegationGroup
              title={t('delegations.receivedTitle')}
              none={t('delegations.receivedNone')}
              delegations={delegations.data.received}
            />
          </div>
        </div>
      ) : null}

      <h3 className="h5 mt-4">{t('delegations.form.title')}</h3>
      <RequireLevel level={2} reason={t('delegations.form.levelReason')} headingLevel="h4">
        <DelegationForm
          onCreated={(name) => {
            setCreated(name)
            setRevoked(undefined)
          }}
        />
      </RequireLevel>

      <ModalDialog
        open={toRevoke !== undefined}
        title={t('delegations.confirmTitle')}
        onDismiss={() => setToRevoke(undefined)}
        actions={
          <>
            <button type="button" className="btn btn-outline-primary" onClick={() => setToRevoke(undefined)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={revoke.isPending}
              onClick={confirmRevoke}
            >
              {t('delegations.confirmRevoke')}
            </button>
          </>
        }
      >
        <p>{toRevoke ? t('delegations.confirmText', { name: partyLabel(toRevoke.delegate) }) : null}</p>
        {revoke.isError ? <ProblemNotice error={revoke.error} /> : null}
      </ModalDialog>
    </section>
  )
}
