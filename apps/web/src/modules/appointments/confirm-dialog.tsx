import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../../app/ui/modal-dialog'
import { ProblemNotice } from '../identity/problem-notice'

/** "Are you sure?" before anything that cannot be undone: the safe choice comes first and has focus. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onDismiss,
  testId,
}: {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  pending: boolean
  error: unknown
  onConfirm: () => void
  onDismiss: () => void
  testId: string
}) {
  const { t } = useTranslation()
  if (!open) return null
  return (
    <ModalDialog
      open
      title={title}
      onDismiss={onDismiss}
      testId={testId}
      actions={
        <>
          <button type="button" className="btn btn-outline-primary" onClick={onDismiss}>
            {t('appointments.keep')}
          </button>
          <button type="button" className="btn btn-danger" disabled={pending} onClick={onConfirm}>
            {pending ? t('appointments.sending') : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      <div aria-live="polite">
        {error ? (
          <ProblemNotice error={error} title={t('appointments.refusalTitle')} headingLevel="h3" />
        ) : null}
      </div>
    </ModalDialog>
  )
}
