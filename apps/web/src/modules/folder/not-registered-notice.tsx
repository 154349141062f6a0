import { useTranslation } from 'react-i18next'

/** For a citizen the registry does not know: what they see and whom to ask. */
export function NotRegisteredNotice({ fiscalCode }: { fiscalCode: string }) {
  const { t } = useTranslation()
  return (
    <div className="alert alert-info" role="status" data-testid="not-registered">
      <h2 className="h5">{t('folder.notRegisteredTitle')}</h2>
      <p className="mb-0">{t('folder.notRegisteredText', { fiscalCode })}</p>
    </div>
  )
}
