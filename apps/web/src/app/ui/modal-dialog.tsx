import { type ReactNode, useEffect, useId, useRef } from 'react'

interface ModalDialogProps {
  open: boolean
  title: string
  children: ReactNode
  /** The buttons at the bottom; the first one gets focus when the dialog opens. */
  actions: ReactNode
  /** Escape asks to close; the dialog stays open until `open` turns false. */
  onDismiss: () => void
  testId?: string
}

/**
 * A modal dialog on the browser's own `<dialog>`: it keeps focus inside, makes the page behind inert,
 * closes on Escape and gives focus back where it was, with Bootstrap Italia's modal look.
 */
export function ModalDialog({ open, title, children, actions, onDismiss, testId }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (!open || !dialog) return
    // Remembered by hand: the browser gives focus back on close(), not when the dialog is removed.
    const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('.modal-footer button, .modal-footer a')?.focus()
    return () => {
      if (dialog.open) dialog.close()
      if (returnFocusTo?.isConnected) returnFocusTo.focus()
    }
  }, [open])

  return (
    <dialog
      ref={dialogRef}
      className="civico-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault()
        onDismiss()
      }}
    >
      <div className="modal-content">
        <div className="modal-header">
          <h2 id={titleId} className="modal-title h5 mb-0">
            {title}
          </h2>
        </div>
        <div className="modal-body">{children}</div>
        <div className="modal-footer">{actions}</div>
      </div>
    </dialog>
  )
}
