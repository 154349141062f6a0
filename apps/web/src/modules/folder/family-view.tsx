import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDay } from '../../app/i18n/format'
import { FAMILY_PATH } from '../../app/paths'
import type { FamilyMember } from './folder-api'

/** "I miei familiari": the household; minor children open on their own folder. */
export function FamilyView({ family }: { family: readonly FamilyMember[] }) {
  const { t, i18n } = useTranslation()
  if (family.length === 0) return <p>{t('folder.family.alone')}</p>
  return (
    <>
      <p>{t('folder.family.lead')}</p>
      <ul className="civico-record-list" data-testid="family-list">
        {family.map((member) => {
          const name = `${member.givenName} ${member.familyName}`
          return (
            <li key={member.fiscalCode} className="civico-panel">
              <h2 className="h5 mb-1">{name}</h2>
              <p className="mb-2">
                {t(`folder.values.relationship.${member.relationship}` as never)} ·{' '}
                {t('folder.family.bornOn', { date: formatDay(member.birthDate, i18n.language) })}
              </p>
              {member.viewable ? (
                <Link to={`${FAMILY_PATH}/${member.fiscalCode}`} className="btn btn-outline-primary btn-sm">
                  {t('folder.family.open', { name: member.givenName })}
                </Link>
              ) : member.minor ? null : (
                <p className="small text-secondary mb-0">{t('folder.family.adultNote')}</p>
              )}
            </li>
          )
        })}
      </ul>
    </>
  )
}
