import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { currentLanguage } from '../../app/i18n/i18n'
import { Icon } from '../../app/ui/icon'
import {
  askAssistant,
  handOffToPerson,
  rateAssistantAnswer,
  showAssistantEntry,
  startAssistantSession,
} from './assistant-api'
import { AssistantConversation, type ConversationItem } from './assistant-conversation'
import './assistant.css'

let nextItemId = 0
const itemId = () => `assistant-${++nextItemId}`

/**
 * The virtual assistant on every page: a button that opens a conversation answered from the city's
 * knowledge base, with links to the services and a way to reach a person. The conversation starts
 * only when opened, and lasts while the page does.
 */
export function AssistantWidget() {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const openerRef = useRef<HTMLButtonElement>(null)
  const logRef = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const inputId = useId()
  const [open, setOpen] = useState(false)
  const [sessionId, setSessionId] = useState<string | null>(null)
  const [items, setItems] = useState<ConversationItem[]>([])
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [handedOff, setHandedOff] = useState(false)

  const say = (...added: ConversationItem[]) => setItems((current) => [...current, ...added])
  const failed = (error: unknown) =>
    say({ kind: 'note', id: itemId(), text: isApiError(error) ? error.detail : t('errors.unexpected') })

  useEffect(() => {
    const dialog = dialogRef.current
    if (!open || !dialog) return
    if (!dialog.open) dialog.showModal()
    inputRef.current?.focus()
    const opener = openerRef.current
    return () => {
      if (dialog.open) dialog.close()
      opener?.focus()
    }
  }, [open])

  // The newest reply in view, as in any chat.
  useEffect(() => {
    if (items.length > 0) logRef.current?.scrollTo({ top: logRef.current.scrollHeight })
  }, [items])

  const session = async (): Promise<string> => {
    if (sessionId) return sessionId
    const started = await startAssistantSession(currentLanguage())
    setSessionId(started.sessionId)
    say({ kind: 'note', id: itemId(), text: started.greeting })
    return started.sessionId
  }

  const openConversation = () => {
    setOpen(true)
    if (!sessionId) void session().catch(failed)
  }

  const ask = async (event: FormEvent) => {
    event.preventDefault()
    const question = text.trim()
    if (question.length < 2 || busy) return
    setBusy(true)
    setText('')
    say({ kind: 'said', id: itemId(), text: question })
    try {
      const reply = await askAssistant(await session(), question, currentLanguage())
      if (reply.answer) {
        say({
          kind: 'answer',
          id: itemId(),
          questionId: reply.questionId,
          answer: reply.answer,
          alternatives: reply.alternatives,
        })
      } else say({ kind: 'note', id: itemId(), text: reply.message })
    } catch (error) {
      failed(error)
    } finally {
      setBusy(false)
      inputRef.current?.focus()
    }
  }

  const showAlternative = (entryId: string) => {
    void showAssistantEntry(entryId, currentLanguage())
      .then((answer) => say({ kind: 'answer', id: itemId(), questionId: null, answer, alternatives: [] }))
      .catch(failed)
  }

  const rate = (id: string, questionId: string, helpful: boolean) => {
    if (!sessionId) return
    void rateAssistantAnswer(sessionId, questionId, helpful)
      .then(() =>
        setItems((current) =>
          current.map((item) => (item.id === id && item.kind === 'answer' ? { ...item, rated: true } : item)),
        ),
      )
      .catch(failed)
  }

  const handOff = async () => {
    setBusy(true)
    try {
      const result = await handOffToPerson(await session())
      say({ kind: 'hand-off', id: itemId(), result })
      setHandedOff(result.outcome === 'ticket')
    } catch (error) {
      failed(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button
        ref={openerRef}
        type="button"
        className="btn btn-primary civico-assistant-opener"
        onClick={openConversation}
        aria-haspopup="dialog"
        data-testid="assistant-opener"
      >
        <Icon name="it-comment" size="sm" color="white" />
        <span className="civico-assistant-opener-label">{t('assistant.open')}</span>
      </button>
      {open ? (
        <dialog
          ref={dialogRef}
          className="civico-dialog civico-assistant"
          aria-labelledby={titleId}
          data-testid="assistant"
          onCancel={(event) => {
            event.preventDefault()
            setOpen(false)
          }}
        >
          <div className="modal-content">
            <div className="modal-header">
              <h2 id={titleId} className="modal-title h5 mb-0">
                {t('assistant.title')}
              </h2>
              <button type="button" className="btn btn-link p-1" onClick={() => setOpen(false)}>
                <Icon name="it-close-big" size="sm" title={t('assistant.close')} />
              </button>
            </div>
            <div ref={logRef} className="modal-body" aria-live="polite">
              <AssistantConversation
                items={items}
                onAlternative={showAlternative}
                onRate={rate}
                onNavigate={() => setOpen(false)}
              />
              {busy ? <p className="small mb-0">{t('assistant.thinking')}</p> : null}
            </div>
            <div className="modal-footer d-block">
              <form onSubmit={(event) => void ask(event)} className="d-flex gap-2 align-items-end">
                <div className="flex-grow-1">
                  <label htmlFor={inputId} className="form-label small mb-1">
                    {t('assistant.questionLabel')}
                  </label>
                  <input
                    ref={inputRef}
                    id={inputId}
                    className="form-control"
                    value={text}
                    maxLength={500}
                    autoComplete="off"
                    onChange={(event) => setText(event.target.value)}
                  />
                </div>
                <button type="submit" className="btn btn-primary" disabled={busy}>
                  {t('assistant.send')}
                </button>
              </form>
              {handedOff ? null : (
                <button
                  type="button"
                  className="btn btn-link btn-xs px-0 mt-2"
                  onClick={() => void handOff()}
                  disabled={busy}
                >
                  {t('assistant.handOff')}
                </button>
              )}
              <p className="small text-secondary mb-0 mt-1">{t('assistant.privacy')}</p>
            </div>
          </div>
        </dialog>
      ) : null}
    </>
  )
}
