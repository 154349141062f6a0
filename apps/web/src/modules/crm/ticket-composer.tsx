import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LabelledField } from '../../app/ui/labelled-field'
import { RadioChoices } from '../../app/ui/radio-choices'
import { TicketActionError } from './ticket-action-error'
import { renderCannedReply, type StaffTicket, useTicketAction } from './tickets-api'

type Mode = 'reply' | 'note'
type Then = 'keep' | 'waiting-citizen' | 'resolved'

/** Ready answers for the ticket's triplet: one is filled in for this ticket and added to the text. */
function CannedReplyPicker({
  code,
  replies,
  onInsert,
}: {
  code: string
  replies: StaffTicket['cannedReplies']
  onInsert: (text: string, title: string) => void
}) {
  const { t } = useTranslation()
  const [id, setId] = useState('')
  const [lang, setLang] = useState<'it' | 'en'>('it')
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<unknown>(null)
  if (replies.length === 0) return <p className="small">{t('crm.ticket.composer.noCanned')}</p>
  const insert = async () => {
    const chosen = replies.find((reply) => reply.id === id)
    if (!chosen) return
    setLoading(true)
    setError(null)
    try {
      onInsert(await renderCannedReply(code, chosen.id, lang), chosen.title)
    } catch (caught) {
      setError(caught)
    } finally {
      setLoading(false)
    }
  }
  return (
    <fieldset className="civico-field civico-crm-canned" data-testid="canned-replies">
      <legend className="civico-field-label">{t('crm.ticket.composer.canned')}</legend>
      <div className="row g-2 align-items-end">
        <div className="col-12 col-md-7">
          <LabelledField label={t('crm.ticket.composer.cannedChoice')}>
            {(control) => (
              <select
                {...control}
                className="form-select"
                value={id}
                onChange={(event) => setId(event.target.value)}
              >
                <option value="">{t('crm.ticket.composer.cannedNone')}</option>
                {replies.map((reply) => (
                  <option key={reply.id} value={reply.id}>
                    {reply.title}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
        </div>
        <div className="col-7 col-md-3">
          <LabelledField label={t('crm.ticket.composer.cannedLanguage')}>
            {(control) => (
              <select
                {...control}
                className="form-select"
                value={lang}
                onChange={(event) => setLang(event.target.value === 'en' ? 'en' : 'it')}
              >
                <option value="it">{t('crm.ticket.composer.italian')}</option>
                <option value="en">{t('crm.ticket.composer.english')}</option>
              </select>
            )}
          </LabelledField>
        </div>
        <div className="col-5 col-md-2 civico-field">
          <button
            type="button"
            className="btn btn-outline-primary btn-sm w-100"
            disabled={!id || loading}
            onClick={() => void insert()}
          >
            {t('crm.ticket.composer.insert')}
          </button>
        </div>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </fieldset>
  )
}

/**
 * The composer: a public reply the citizen receives, or an internal note only staff read. A reply
 * may leave the ticket waiting for the citizen or resolve it.
 */
export function TicketComposer({
  data,
  announce,
  onReload,
}: {
  data: StaffTicket
  announce: (message: string) => void
  onReload: () => void
}) {
  const { t } = useTranslation()
  const { ticket } = data
  const action = useTicketAction(ticket.code)
  const textId = useId()
  const textRef = useRef<HTMLTextAreaElement>(null)
  const [mode, setMode] = useState<Mode>('reply')
  const [then, setThen] = useState<Then>('keep')
  const [body, setBody] = useState('')
  const [problem, setProblem] = useState<string>()
  const [inserted, setInserted] = useState('')
  const open = ticket.status !== 'resolved' && ticket.status !== 'closed'
  if (ticket.status === 'closed' || ticket.mergedIntoCode) return null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const text = body.trim()
    if (!text) {
      setProblem(mode === 'reply' ? t('crm.ticket.composer.emptyReply') : t('crm.ticket.composer.emptyNote'))
      textRef.current?.focus()
      return
    }
    setProblem(undefined)
    const request =
      mode === 'reply'
        ? ({
            action: 'reply',
            body: text,
            ...(then === 'keep' ? {} : { then }),
            version: ticket.version,
          } as const)
        : ({ action: 'note', body: text, version: ticket.version } as const)
    action.mutate(request, {
      onSuccess: () => {
        setBody('')
        setThen('keep')
        setInserted('')
        announce(mode === 'reply' ? t('crm.ticket.composer.replied') : t('crm.ticket.composer.noted'))
      },
    })
  }

  const canReply = open
  const shownMode: Mode = canReply ? mode : 'note'
  return (
    <section className="civico-panel mb-4" aria-labelledby="composer-title" data-testid="composer">
      <h2 id="composer-title" className="h4">
        {t('crm.ticket.composer.title')}
      </h2>
      <form onSubmit={submit} noValidate>
        {canReply ? (
          <RadioChoices<Mode>
            legend={t('crm.ticket.composer.mode')}
            name="composer-mode"
            value={shownMode}
            onChange={setMode}
            choices={[
              {
                value: 'reply',
                label: t('crm.ticket.composer.reply'),
                description: t('crm.ticket.composer.replyHint'),
              },
              {
                value: 'note',
                label: t('crm.ticket.composer.note'),
                description: t('crm.ticket.composer.noteHint'),
              },
            ]}
            testId="composer-mode"
          />
        ) : (
          <p className="small">{t('crm.ticket.composer.onlyNotes')}</p>
        )}
        {shownMode === 'reply' ? (
          <CannedReplyPicker
            code={ticket.code}
            replies={data.cannedReplies}
            onInsert={(text, title) => {
              setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text))
              setInserted(t('crm.ticket.composer.inserted', { title }))
              textRef.current?.focus()
            }}
          />
        ) : null}
        <p className="small mb-2" role="status">
          {inserted}
        </p>
        <div className={`civico-field${shownMode === 'note' ? ' civico-crm-note-field' : ''}`}>
          <label htmlFor={textId} className="civico-field-label">
            {shownMode === 'reply' ? t('crm.ticket.composer.replyText') : t('crm.ticket.composer.noteText')}
          </label>
          <textarea
            id={textId}
            ref={textRef}
            className={`form-control${problem ? ' is-invalid' : ''}`}
            rows={7}
            maxLength={20_000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${textId}-error` : undefined}
          />
          {problem ? (
            <p id={`${textId}-error`} className="civico-field-error">
              {problem}
            </p>
          ) : null}
        </div>
        {shownMode === 'reply' ? (
          <RadioChoices<Then>
            legend={t('crm.ticket.composer.then')}
            name="composer-then"
            value={then}
            onChange={setThen}
            choices={[
              { value: 'keep', label: t('crm.ticket.composer.thenKeep') },
              { value: 'waiting-citizen', label: t('crm.ticket.composer.thenWait') },
              { value: 'resolved', label: t('crm.ticket.composer.thenResolve') },
            ]}
          />
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={action.isPending}>
          {shownMode === 'reply' ? t('crm.ticket.composer.sendReply') : t('crm.ticket.composer.saveNote')}
        </button>
        {action.isError ? (
          <TicketActionError
            error={action.error}
            sentVersion={action.variables?.version}
            currentVersion={ticket.version}
            onReload={() => {
              action.reset()
              onReload()
            }}
          />
        ) : null}
      </form>
    </section>
  )
}
