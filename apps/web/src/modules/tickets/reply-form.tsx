import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemNotice } from '../identity/problem-notice'
import { AttachmentPicker } from './attachment-picker'
import { type ChosenFile, uploadsOf } from './ticket-files'
import { useReplyToTicket } from './tickets-api'
import { BodyField } from './write-steps'

/** Writing again in a request: text and files; a recently resolved request opens again. */
export function ReplyForm({ code }: { code: string }) {
  const { t } = useTranslation()
  const reply = useReplyToTicket(code)
  const [body, setBody] = useState('')
  const [files, setFiles] = useState<ChosenFile[]>([])
  const [missing, setMissing] = useState(false)
  const [sent, setSent] = useState<string | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const status = useRef<HTMLParagraphElement>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!body.trim()) {
      setMissing(true)
      form.current?.querySelector('textarea')?.focus()
      return
    }
    setSent(null)
    reply.mutate(
      { body: body.trim(), attachments: uploadsOf(files) },
      {
        onSuccess: (result) => {
          setBody('')
          setFiles([])
          setSent(result.reopened ? t('tickets.reply.sentReopened') : t('tickets.reply.sent'))
          window.setTimeout(() => status.current?.focus(), 0)
        },
      },
    )
  }

  return (
    <form ref={form} noValidate onSubmit={submit} data-testid="reply-form">
      <div aria-live="polite">
        {sent ? (
          <p ref={status} tabIndex={-1} className="alert alert-success" data-testid="reply-sent">
            {sent}
          </p>
        ) : null}
      </div>
      <BodyField
        label={t('tickets.reply.label')}
        value={body}
        onChange={(value) => {
          setBody(value)
          setMissing(false)
          if (reply.isError) reply.reset()
        }}
        error={missing ? t('tickets.reply.missing') : undefined}
      />
      <AttachmentPicker files={files} onChange={setFiles} testId="reply-attachments" />
      <div aria-live="polite">
        {reply.isError ? (
          <ProblemNotice error={reply.error} title={t('tickets.reply.refused')} headingLevel="h3" />
        ) : null}
      </div>
      <button type="submit" className="btn btn-primary" disabled={reply.isPending}>
        {reply.isPending ? t('tickets.reply.sending') : t('tickets.reply.send')}
      </button>
    </form>
  )
}
