import { useTranslation } from 'react-i18next'
import { useSignedInSession } from '../../app/session/session-api'
import { Icon } from '../../app/ui/icon'
import { fullName, useChangeActingFor, useRepresented } from './represented-api'

/**
 * While a citizen acts for a child or a delegator, every page says so, with the way back to
 * themselves: nobody should pay or book for the wrong person by mistake.
 */
export function ActingForBanner() {
  const { t } = useTranslation()
  const session = useSignedInSession()
  const actingFor = session?.kind === 'citizen' ? session.actingFor : null
  const represented = useRepresented({ enabled: actingFor !== null })
  const changeActingFor = useChangeActingFor()
  if (!actingFor) return null
  const person = represented.data?.people.find((candidate) => candidate.fiscalCode === actingFor)
  const name = person ? fullName(person) : actingFor

  return (
    <div className="civico-acting-for" data-testid="acting-for-banner">
      <div className="container d-flex flex-wrap align-items-center gap-2 py-2">
        <Icon name="it-user" size="sm" className="flex-shrink-0" />
        <p className="mb-0 flex-grow-1">
          <strong>{t('actingFor.banner', { name })}</strong>
        </p>
        <button
          type="button"
          className="btn btn-sm btn-outline-primary civico-acting-for-button"
          disabled={changeActingFor.isPending}
          onClick={() => changeActingFor.mutate(null)}
        >
          {t('actingFor.backToSelf')}
        </button>
        {changeActingFor.error ? (
          <p className="mb-0 w-100 small" role="alert">
            {changeActingFor.error.message}
          </p>
        ) : null}
      </div>
    </div>
  )
}
