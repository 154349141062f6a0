import { useTranslation } from 'react-i18next'
import { Icon } from '../ui/icon'

/** Shown on every page of a demo installation, so nobody mistakes synthetic records for real ones. */
export function DemoNotice() {
  const { t } = useTranslation()
  return (
    <div className="civico-demo-notice" data-testid="demo-notice">
      <div className="container d-flex align-items-center gap-2 py-1">
        <Icon name="it-warning-circle" size="sm" className="flex-shrink-0" />
        <p className="mb-0">
          <strong>{t('demo.notice')}</strong>
          <span className="d-none d-md-inline"> - {t('demo.explanation')}</span>
        </p>
      </div>
    </div>
  )
}
