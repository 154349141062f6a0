import { useTranslation } from 'react-i18next'

interface ContactFactsProps {
  contact: { fiscalCode: string | null; email: string | null; emailVerified: boolean; phone: string | null }
}

/** A contact's fiscal code, e-mail (verified or not) and phone, as items of a facts list. */
export function ContactFacts({ contact }: ContactFactsProps) {
  const { t } = useTranslation()
  return (
    <>
      {contact.fiscalCode ? (
        <div>
          <dt>{t('crm.citizens.fiscalCode')}</dt>
          <dd className="civico-fiscal-code">{contact.fiscalCode}</dd>
        </div>
      ) : null}
      {contact.email ? (
        <div>
          <dt>{t('crm.citizens.email')}</dt>
          <dd className="text-break">
            {contact.email}{' '}
            <span className="small">
              ({contact.emailVerified ? t('crm.citizens.verified') : t('crm.citizens.unverified')})
            </span>
          </dd>
        </div>
      ) : null}
      {contact.phone ? (
        <div>
          <dt>{t('crm.citizens.phone')}</dt>
          <dd>{contact.phone}</dd>
        </div>
      ) : null}
    </>
  )
}
