import { useTranslation } from 'react-i18next'

/** A spinner with words for screen readers, while a page waits for its data. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <div className="d-flex align-items-center gap-3 py-4" role="status">
      <div className="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  )
}
