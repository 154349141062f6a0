import { useTranslation } from 'react-i18next'
import { formatDay, formatEuro } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { ScrollableTable } from '../../app/ui/scrollable-table'
import { useImportedRolls } from './payments-desk-api'

/** "Ruoli importati": the last rolls, newest first, with their counts and totals. */
export function ImportedRolls() {
  const { t, i18n } = useTranslation()
  const rolls = useImportedRolls()
  return (
    <section className="mb-5" aria-labelledby="imported-rolls-title" data-testid="imported-rolls">
      <h2 id="imported-rolls-title" className="h4">
        {t('paymentsDesk.rolls.title')}
      </h2>
      {rolls.isPending ? <LoadingState /> : null}
      {rolls.isError ? <ErrorAlert error={rolls.error} onRetry={() => void rolls.refetch()} /> : null}
      {rolls.data?.length === 0 ? <p>{t('paymentsDesk.rolls.none')}</p> : null}
      {rolls.data && rolls.data.length > 0 ? (
        <ScrollableTable
          label={t('paymentsDesk.rolls.title')}
          caption={t('paymentsDesk.rolls.caption')}
          testId="rolls-table"
        >
          <thead>
            <tr>
              <th scope="col">{t('paymentsDesk.rolls.source')}</th>
              <th scope="col" className="text-end">
                {t('paymentsDesk.rolls.positions')}
              </th>
              <th scope="col" className="text-end">
                {t('paymentsDesk.rolls.options')}
              </th>
              <th scope="col" className="text-end">
                {t('paymentsDesk.rolls.total')}
              </th>
              <th scope="col">{t('paymentsDesk.rolls.importedAt')}</th>
              <th scope="col">{t('paymentsDesk.rolls.importedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {rolls.data.map((roll) => (
              <tr key={roll.id}>
                <th scope="row">{roll.source}</th>
                <td className="text-end">{roll.positions}</td>
                <td className="text-end">{roll.options}</td>
                <td className="text-end text-nowrap">{formatEuro(roll.totalCents, i18n.language)}</td>
                <td className="text-nowrap">{formatDay(roll.importedAt, i18n.language)}</td>
                <td>{roll.importedBy}</td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      ) : null}
    </section>
  )
}
