import { useTranslation } from 'react-i18next'
import { formatLastDay } from '../../app/i18n/format'
import { useSignedInSession } from '../../app/session/session-api'
import { LoadingState } from '../../app/ui/loading-state'
import { ProblemNotice } from '../identity/problem-notice'
import {
  fullName,
  type RepresentedPerson,
  useChangeActingFor,
  useRepresented,
} from '../identity/represented-api'

function PersonBasis({ person }: { person: RepresentedPerson }) {
  const { t, i18n } = useTranslation()
  if (person.basis === 'minor-child') return <>{t('represented.minorChild')}</>
  return (
    <>
      {person.validUntil
        ? t('represented.delegationUntil', { date: formatLastDay(person.validUntil, i18n.language) })
        : t('represented.delegation')}
      {' · '}
      {person.scopes.map((scope) => t(`delegations.scopes.${scope}`)).join(', ')}
    </>
  )
}

/**
 * "Persone che rappresenti": the citizen's minor children and the adults who delegated them. Picking
 * one makes the session work on that person's folder until the citizen goes back to their own.
 */
export function RepresentedChooser() {
  const { t } = useTranslation()
  const session = useSignedInSession()
  const represented = useRepresented()
  const changeActingFor = useChangeActingFor()
  const actingFor = represented.data?.actingFor ?? session?.actingFor ?? null

  return (
    <section className="civico-panel" aria-labelledby="represented-title" data-testid="represented-chooser">
      <h2 id="represented-title" className="h5">
        {t('represented.title')}
      </h2>
      {represented.isPending ? <LoadingState /> : null}
      {represented.isError ? (
        <ProblemNotice
          error={represented.error}
          title={t('represented.loadFailed')}
          onRetry={() => void represented.refetch()}
        />
      ) : null}
      {represented.data && represented.data.people.length === 0 ? (
        <p className="mb-0">{t('represented.none')}</p>
      ) : null}
      {represented.data && represented.data.people.length > 0 ? (
        <ul className="civico-represented-list">
          <li>
            <div>
              <strong>{session?.displayName}</strong>{' '}
              <span className="small">({t('represented.yourself')})</span>
            </div>
            {actingFor === null ? (
              <span className="badge bg-primary">{t('represented.current')}</span>
            ) : (
              <button
                type="button"
                className="btn btn-sm btn-outline-primary"
                disabled={changeActingFor.isPending}
                onClick={() => changeActingFor.mutate(null)}
              >
                {t('represented.actForSelf')}
              </button>
            )}
          </li>
          {represented.data.people.map((person) => (
            <li key={person.fiscalCode}>
              <div>
                <strong>{fullName(person)}</strong>
                <br />
                <span className="small">
                  <PersonBasis person={person} />
                </span>
              </div>
              {actingFor === person.fiscalCode ? (
                <span className="badge bg-primary">{t('represented.current')}</span>
              ) : (
                <button
                  type="button"
                  className="btn btn-sm btn-outline-primary"
                  disabled={changeActingFor.isPending}
                  onClick={() => changeActingFor.mutate(person.fiscalCode)}
                >
                  {t('represented.actFor')}
                  <span className="visually-hidden"> {fullName(person)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {changeActingFor.isError ? <ProblemNotice error={changeActingFor.error} /> : null}
    </section>
  )
}
