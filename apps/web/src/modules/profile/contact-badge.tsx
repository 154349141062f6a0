import { useTranslation } from 'react-i18next'
import { Icon } from '../../app/ui/icon'
import type { ContactState } from './me-api'

/** "Verificato" or "Da verificare" next to a contact, in words as well as colour. */
export function ContactBadge({ contact }: { contact: ContactState }) {
  const { t } = useTranslation()
  if (!contact.value) return null
  return contact.verified ? (
    <span className="badge civico-badge-verified" data-testid="contact-verified">
      <Icon name="it-check-circle" size="xs" className="me-1" />
      {t('profile.contacts.verified')}
    </span>
  ) : (
    <span className="badge civico-badge-unverified">{t('profile.contacts.unverified')}</span>
  )
}
