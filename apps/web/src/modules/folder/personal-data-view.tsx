import { useTranslation } from 'react-i18next'
import { formatDay } from '../../app/i18n/format'
import type { FolderPerson, FolderRecord } from './folder-api'
import { recordFacts } from './record-facts'

/** "I miei dati": the registry entry, the residence and where the person lived before. */
export function PersonalDataView({
  person,
  records,
}: {
  person: FolderPerson
  records: readonly FolderRecord[]
}) {
  const { t, i18n } = useTranslation()
  const day = (value: string) => formatDay(value, i18n.language)
  const previous = records.filter((record) => record.kind === 'previous-residence')
  const { address } = person
  return (
    <div className="d-flex flex-column gap-4" data-testid="personal-data">
      <section className="civico-panel" aria-labelledby="registry-entry-title">
        <h2 id="registry-entry-title" className="h5">
          {t('folder.sections.personal-data.childTitle')}
        </h2>
        <dl className="civico-facts civico-facts-two-columns mb-0">
          <div>
            <dt>{t('folder.facts.name')}</dt>
            <dd>
              {person.givenName} {person.familyName}
            </dd>
          </div>
          <div>
            <dt>{t('folder.facts.fiscalCode')}</dt>
            <dd className="civico-fiscal-code">{person.fiscalCode}</dd>
          </div>
          <div>
            <dt>{t('folder.facts.sex')}</dt>
            <dd>{t(person.sex === 'M' ? 'folder.facts.sexM' : 'folder.facts.sexF')}</dd>
          </div>
          <div>
            <dt>{t('folder.facts.birth')}</dt>
            <dd>
              {t('folder.facts.birthValue', { date: day(person.birthDate), place: person.birthPlace.name })}
            </dd>
          </div>
          <div>
            <dt>{t('folder.facts.citizenship')}</dt>
            <dd>
              {new Intl.DisplayNames([i18n.language], { type: 'region' }).of(person.citizenship) ??
                person.citizenship}
            </dd>
          </div>
          <div>
            <dt>{t('folder.facts.civilStatus')}</dt>
            <dd>{t(`folder.values.civilStatus.${person.civilStatus}` as never)}</dd>
          </div>
          <div>
            <dt>{t('folder.facts.residence')}</dt>
            <dd>
              {address.streetName} {address.houseNumber}, {address.postalCode} {address.municipalityName} (
              {address.provinceCode})
            </dd>
          </div>
          <div>
            <dt>{t('folder.facts.residentSince')}</dt>
            <dd>{day(person.residentSince)}</dd>
          </div>
          <div>
            <dt>{t('folder.facts.certifiable')}</dt>
            <dd data-testid="certifiable">
              {t(person.certifiable ? 'folder.facts.certifiableYes' : 'folder.facts.certifiableNo')}
            </dd>
          </div>
        </dl>
      </section>
      {previous.length > 0 ? (
        <section className="civico-panel" aria-labelledby="previous-residences-title">
          <h2 id="previous-residences-title" className="h5">
            {t('folder.facts.previousResidences')}
          </h2>
          <ul className="list-unstyled mb-0">
            {previous.map((record) => (
              <li key={record.id} className="mb-2">
                {recordFacts(record, t, i18n.language)
                  .map(([, value]) => value)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
