import { useTranslation } from 'react-i18next'
import { useOnline } from '../pwa/offline'

/** Tells the citizen that what they read is the copy kept on the device. */
export function OfflineNotice() {
  const { t } = useTranslation()
  if (useOnline()) return null
  return (
    <div className="container pt-3" data-testid="offline-notice">
      <div className="alert alert-warning mb-0" role="status">
        {t('folder.offline')}
      </div>
    </div>
  )
}
