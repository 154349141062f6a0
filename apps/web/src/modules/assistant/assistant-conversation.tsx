import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BOOK_APPOINTMENT_PATH, PAYMENTS_PATH, ticketPath } from '../../app/paths'
import { servicePath } from '../catalogue/service-card'
import type { AssistantAction, AssistantAnswer, HandOffResult } from './assistant-api'

const CERTIFICATES_PATH = '/area-personale/certificati'

export type ConversationItem =
  | { kind: 'said'; id: string; text: string }
  | { kind: 'note'; id: string; text: string }
  | {
      kind: 'answer'
      id: string
      questionId: string | null
      answer: AssistantAnswer
      alternatives: { entryId: string; question: string }[]
      rated?: boolean
    }
  | { kind: 'hand-off'; id: string; result: HandOffResult }

function actionPath(action: AssistantAction): string {
  switch (action.kind) {
    case 'appointment':
      return BOOK_APPOINTMENT_PATH
    case 'payment':
      return PAYMENTS_PATH
    case 'certificate':
      return CERTIFICATES_PATH
    case 'service':
      return servicePath(action.target)
  }
}

interface ConversationProps {
  items: ConversationItem[]
  onAlternative: (entryId: string) => void
  onRate: (itemId: string, questionId: string, helpful: boolean) => void
  onNavigate: () => void
}

/** What was said so far: the person's questions, the answers with their links, and notes. */
export function AssistantConversation({ items, onAlternative, onRate, onNavigate }: ConversationProps) {
  const { t } = useTranslation()
  return (
    <ol className="civico-assistant-log list-unstyled mb-0" aria-label={t('assistant.logLabel')}>
      {items.map((item) => {
        if (item.kind === 'said') {
          return (
            <li key={item.id} className="civico-assistant-said">
              <span className="visually-hidden">{t('assistant.youSaid')} </span>
              {item.text}
            </li>
          )
        }
        if (item.kind === 'note') {
          return (
            <li key={item.id} className="civico-assistant-reply">
              {item.text}
            </li>
          )
        }
        if (item.kind === 'hand-off') {
          const result = item.result
          return (
            <li key={item.id} className="civico-assistant-reply" data-testid="assistant-hand-off">
              {result.outcome === 'ticket' ? (
                <>
                  <p className="mb-1">{t('assistant.ticketOpened', { code: result.ticketCode })}</p>
                  <Link to={ticketPath(result.ticketCode)} onClick={onNavigate}>
                    {t('assistant.followTicket')}
                  </Link>
                </>
              ) : (
                <>
                  <p className="mb-1">{result.message}</p>
                  <p className="mb-0">
                    <a href={`tel:${result.phone.replace(/\s/g, '')}`}>{result.phone}</a> · {result.hours}
                  </p>
                </>
              )}
            </li>
          )
        }
        const { answer } = item
        return (
          <li key={item.id} className="civico-assistant-reply" data-testid="assistant-answer">
            <p className="fw-semibold mb-1">{answer.question}</p>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders markdown with raw HTML disabled */}
            <div className="civico-answer" dangerouslySetInnerHTML={{ __html: answer.answerHtml }} />
            {answer.actions.length + answer.serviceSlugs.length > 0 ? (
              <ul className="list-unstyled d-flex flex-wrap gap-2 mb-2">
                {answer.actions.map((action) => (
                  <li key={`${action.kind}-${action.target}`}>
                    <Link className="btn btn-primary btn-xs" to={actionPath(action)} onClick={onNavigate}>
                      {action.label ?? t(`assistant.action.${action.kind}`)}
                    </Link>
                  </li>
                ))}
                {answer.serviceSlugs.map((slug) => (
                  <li key={slug}>
                    <Link
                      className="btn btn-outline-primary btn-xs"
                      to={servicePath(slug)}
                      onClick={onNavigate}
                    >
                      {t('assistant.servicePage')}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
            {item.alternatives.length > 0 ? (
              <div className="mb-2">
                <p className="small mb-1">{t('assistant.alternatives')}</p>
                <ul className="list-unstyled mb-0">
                  {item.alternatives.map((alternative) => (
                    <li key={alternative.entryId}>
                      <button
                        type="button"
                        className="btn btn-link btn-xs p-0 text-start"
                        onClick={() => onAlternative(alternative.entryId)}
                      >
                        {alternative.question}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {item.questionId ? (
              item.rated ? (
                <p className="small mb-0">{t('assistant.thanks')}</p>
              ) : (
                <div className="d-flex gap-2 align-items-center small">
                  <span>{t('assistant.helpful')}</span>
                  <button
                    type="button"
                    className="btn btn-outline-secondary btn-xs"
                    onClick={() => onRate(item.id, item.questionId as string, true)}
                  >
                    {t('assistant.yes')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-outline-secondary btn-xs"
                    onClick={() => onRate(item.id, item.questionId as string, false)}
                  >
                    {t('assistant.no')}
                  </button>
                </div>
              )
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}
