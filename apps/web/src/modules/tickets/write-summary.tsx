import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChosenCategory } from './categories-api'
import { formatFileSize } from './ticket-files'
import type { VerifiedEmail, WriteDraft, WriteStep } from './write-draft'

/** "Area › Topic › Detail", the way the city files the request. */
export function tripletText(parts: readonly (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(' › ')
}

function Group({
  title,
  onEdit,
  editLabel,
  children,
}: {
  title: string
  onEdit?: () => void
  editLabel: string
  children: ReactNode
}) {
  return (
    <section className="civico-panel mb-3">
      <div className="d-flex flex-wrap justify-content-between align-items-baseline gap-2 mb-2">
        <h3 className="h5 mb-0">{title}</h3>
        {onEdit ? (
          <button type="button" className="btn btn-link btn-sm p-0" onClick={onEdit} aria-label={editLabel}>
            {editLabel}
          </button>
        ) : null}
      </div>
      <dl className="civico-facts mb-0">{children}</dl>
    </section>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** The last step: everything as it will be sent, each part with a way back to change it. */
export function WriteSummary({
  draft,
  category,
  writer,
  onEdit,
}: {
  draft: WriteDraft
  category: ChosenCategory
  /** The signed-in person's name, or the verified address of someone who is not. */
  writer: { signedInAs: string; actingFor: string | null } | { verified: VerifiedEmail }
  onEdit: (step: WriteStep) => void
}) {
  const { t, i18n } = useTranslation()
  const none = t('tickets.summary.none')
  return (
    <div data-testid="write-summary">
      <Group
        title={t('tickets.summary.categoryTitle')}
        editLabel={t('tickets.summary.editCategory')}
        onEdit={() => onEdit('category')}
      >
        <Fact label={t('tickets.summary.category')}>
          {tripletText([category.area?.name, category.topic?.name, category.detail?.name])}
        </Fact>
      </Group>
      <Group
        title={t('tickets.summary.requestTitle')}
        editLabel={t('tickets.summary.editRequest')}
        onEdit={() => onEdit('request')}
      >
        <Fact label={t('tickets.summary.subject')}>{draft.subject.trim()}</Fact>
        <Fact label={t('tickets.summary.body')}>
          <span className="civico-message-text">{draft.body.trim()}</span>
        </Fact>
        <Fact label={t('tickets.summary.files')}>
          {draft.files.length === 0 ? (
            none
          ) : (
            <ul className="mb-0 ps-3">
              {draft.files.map((file) => (
                <li key={file.id}>
                  {file.name} ({formatFileSize(file.size, i18n.language)})
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact label={t('tickets.summary.phone')}>{draft.phone.trim() || none}</Fact>
      </Group>
      <Group
        title={t('tickets.summary.writerTitle')}
        editLabel={t('tickets.summary.editWriter')}
        onEdit={'verified' in writer ? () => onEdit('identity') : undefined}
      >
        {'verified' in writer ? (
          <>
            <Fact label={t('tickets.summary.email')}>{writer.verified.email}</Fact>
            <Fact label={t('tickets.summary.name')}>{writer.verified.name.trim() || none}</Fact>
          </>
        ) : (
          <>
            <Fact label={t('tickets.summary.signedInAs')}>{writer.signedInAs}</Fact>
            {writer.actingFor ? (
              <Fact label={t('tickets.summary.actingFor')}>
                <span className="civico-fiscal-code">{writer.actingFor}</span>
              </Fact>
            ) : null}
          </>
        )}
      </Group>
      <p className="small">
        {'verified' in writer ? t('tickets.summary.repliesByEmail') : t('tickets.summary.repliesInArea')}
      </p>
    </div>
  )
}
