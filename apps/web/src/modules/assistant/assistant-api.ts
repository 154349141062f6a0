import { apiRequest } from '../../app/api/api-client'
import { asRecord, readBoolean, readList, readOneOf, readString, readStringArray } from '../../app/api/parse'

export const ACTION_KINDS = ['appointment', 'payment', 'certificate', 'service'] as const
export type AssistantActionKind = (typeof ACTION_KINDS)[number]

export interface AssistantAction {
  kind: AssistantActionKind
  target: string
  label: string | null
}

export interface AssistantAnswer {
  entryId: string
  question: string
  answerHtml: string
  serviceSlugs: string[]
  actions: AssistantAction[]
}

export interface AssistantReply {
  questionId: string
  understood: boolean
  message: string
  answer: AssistantAnswer | null
  alternatives: { entryId: string; question: string }[]
  handOffOffered: boolean
}

export type HandOffResult =
  | { outcome: 'ticket'; ticketCode: string }
  | { outcome: 'contact-centre'; message: string; phone: string; hours: string }

function parseAnswer(value: unknown, language: string): AssistantAnswer {
  const record = asRecord(value, 'answer')
  return {
    entryId: readString(record, 'entryId'),
    question: readString(record, 'question'),
    answerHtml: readString(record, 'answerHtml'),
    serviceSlugs: readStringArray(record, 'serviceSlugs'),
    actions: readList(record.actions, 'actions', (item) => {
      const action = asRecord(item, 'action')
      const label = language === 'en' ? action.labelEn : action.labelIt
      return {
        kind: readOneOf(action, 'kind', ACTION_KINDS),
        target: readString(action, 'target'),
        label: typeof label === 'string' ? label : null,
      }
    }),
  }
}

export function startAssistantSession(locale: string): Promise<{ sessionId: string; greeting: string }> {
  return apiRequest({
    path: '/assistant/sessions',
    method: 'POST',
    body: { locale },
    parse: (value) => {
      const record = asRecord(value, 'session')
      return { sessionId: readString(record, 'sessionId'), greeting: readString(record, 'greeting') }
    },
  })
}

export function askAssistant(sessionId: string, text: string, language: string): Promise<AssistantReply> {
  return apiRequest({
    path: `/assistant/sessions/${encodeURIComponent(sessionId)}/questions`,
    method: 'POST',
    body: { text },
    parse: (value) => {
      const record = asRecord(value, 'reply')
      return {
        questionId: readString(record, 'questionId'),
        understood: readBoolean(record, 'understood'),
        message: readString(record, 'message'),
        answer: record.answer ? parseAnswer(record.answer, language) : null,
        alternatives: readList(record.alternatives, 'alternatives', (item) => {
          const alternative = asRecord(item, 'alternative')
          return {
            entryId: readString(alternative, 'entryId'),
            question: readString(alternative, 'question'),
          }
        }),
        handOffOffered: readBoolean(record, 'handOffOffered'),
      }
    },
  })
}

export function showAssistantEntry(entryId: string, language: string): Promise<AssistantAnswer> {
  return apiRequest({
    path: `/assistant/entries/${encodeURIComponent(entryId)}`,
    parse: (value) => parseAnswer(value, language),
  })
}

export function rateAssistantAnswer(sessionId: string, questionId: string, helpful: boolean): Promise<void> {
  return apiRequest({
    path: `/assistant/sessions/${encodeURIComponent(sessionId)}/questions/${encodeURIComponent(questionId)}/feedback`,
    method: 'POST',
    body: { helpful },
    parse: () => undefined,
  })
}

export function handOffToPerson(sessionId: string): Promise<HandOffResult> {
  return apiRequest({
    path: `/assistant/sessions/${encodeURIComponent(sessionId)}/hand-off`,
    method: 'POST',
    body: {},
    parse: (value) => {
      const record = asRecord(value, 'hand-off')
      if (readOneOf(record, 'outcome', ['ticket', 'contact-centre'] as const) === 'ticket') {
        return { outcome: 'ticket', ticketCode: readString(record, 'ticketCode') }
      }
      return {
        outcome: 'contact-centre',
        message: readString(record, 'message'),
        phone: readString(record, 'phone'),
        hours: readString(record, 'hours'),
      }
    },
  })
}
