import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { TextArea } from '../../app/ui/text-area'
import { TextField } from '../../app/ui/text-field'
import {
  type CannedReply,
  useCannedReplies,
  useCreateCannedReply,
  useUpdateCannedReply,
} from './supervisor-api'
import { tripletLabel, useTaxonomy } from './taxonomy-api'
import { TripletPicker } from './triplet-picker'

/** Title and text in both languages; a new reply also chooses its detail (or every ticket). */
function CannedReplyForm({
  reply,
  onDone,
  onCancel,
}: {
  reply?: CannedReply
  onDone: (message: string) => void
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const taxonomy = useTaxonomy()
  const create = useCreateCannedReply()
  const update = useUpdateCannedReply()
  const mutation = reply ? update : create
  const [title, setTitle] = useState(reply?.title ?? '')
  const [bodyIt, setBodyIt] = useState(reply?.bodyIt ?? '')
  const [bodyEn, setBodyEn] = useState(reply?.bodyEn ?? '')
  const [categoryCode, setCategoryCode] = useState(reply?.categoryCode ?? '')
  const [general, setGeneral] = useState(reply ? reply.categoryCode === null : false)
  const [errors, setErrors] = useState<{ title?: string; bodyIt?: string; category?: string }>({})
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: typeof errors = {}
    if (title.trim().length < 2) found.title = t('crm.canned.errors.title')
    if (!bodyIt.trim()) found.bodyIt = t('crm.canned.errors.body')
    if (!reply && !general && !categoryCode) found.category = t('crm.call.errors.category')
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const texts = { title: title.trim(), bodyIt: bodyIt.trim(), bodyEn: bodyEn.trim() }
    if (reply) {
      update.mutate(
        { id: reply.id, change: texts },
        { onSuccess: (saved) => onDone(t('crm.canned.saved', { title: saved.title })) },
      )
    } else {
      create.mutate(
        { ...texts, categoryCode: general ? null : categoryCode },
        {
          onSuccess: (saved) => {
            setTitle('')
            setBodyIt('')
            setBodyEn('')
            onDone(t('crm.canned.created', { title: saved.title }))
          },
        },
      )
    }
  }
  return (
    <form onSubmit={submit} noValidate data-testid="canned-form">
      <TextField
        label={t('crm.canned.titleField')}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={errors.title}
        maxLength={120}
      />
      {reply ? null : (
        <>
          <div className="form-check mb-2">
            <input
              className="form-check-input"
              type="checkbox"
              id="canned-general"
              checked={general}
              onChange={(event) => setGeneral(event.target.checked)}
            />
            <label className="form-check-label" htmlFor="canned-general">
              {t('crm.canned.general')}
            </label>
          </div>
          {general ? null : (
            <TripletPicker
              categories={taxonomy.data ?? []}
              value={categoryCode}
              onChange={setCategoryCode}
              error={errors.category}
            />
          )}
        </>
      )}
      <TextArea
        label={t('crm.canned.bodyIt')}
        hint={t('crm.canned.placeholders')}
        value={bodyIt}
        onChange={(event) => setBodyIt(event.target.value)}
        error={errors.bodyIt}
        rows={5}
        maxLength={10_000}
      />
      <TextArea
        label={t('crm.canned.bodyEn')}
        value={bodyEn}
        onChange={(event) => setBodyEn(event.target.value)}
        rows={5}
        maxLength={10_000}
        lang="en"
      />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={mutation.isPending}>
          {reply ? t('crm.canned.save') : t('crm.canned.add')}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
            {t('crm.taxonomy.cancel')}
          </button>
        ) : null}
      </div>
      {mutation.isError ? (
        <div className="mt-2">
          <ErrorAlert error={mutation.error} />
        </div>
      ) : null}
    </form>
  )
}

function CannedReplyItem({ reply, announce }: { reply: CannedReply; announce: (message: string) => void }) {
  const { t } = useTranslation()
  const taxonomy = useTaxonomy()
  const update = useUpdateCannedReply()
  const [editing, setEditing] = useState(false)
  return (
    <li className="civico-panel mb-3" data-canned={reply.id}>
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <h4 className="h6 mb-1">{reply.title}</h4>
        {!reply.active ? (
          <span className="badge civico-badge-neutral">{t('crm.taxonomy.inactive')}</span>
        ) : null}
      </div>
      <p className="small mb-1">
        {reply.categoryCode ? tripletLabel(taxonomy.data ?? [], reply.categoryCode) : t('crm.canned.forAll')}
      </p>
      <p className="civico-crm-message-body small">{reply.bodyIt}</p>
      <div className="d-flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-outline-primary btn-xs"
          aria-expanded={editing}
          onClick={() => setEditing((open) => !open)}
        >
          {t('crm.taxonomy.edit')}
          <span className="visually-hidden"> {reply.title}</span>
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary btn-xs"
          disabled={update.isPending}
          onClick={() =>
            update.mutate(
              { id: reply.id, change: { active: !reply.active } },
              {
                onSuccess: (saved) =>
                  announce(
                    saved.active
                      ? t('crm.canned.activated', { title: saved.title })
                      : t('crm.canned.deactivated', { title: saved.title }),
                  ),
              },
            )
          }
        >
          {reply.active ? t('crm.taxonomy.deactivate') : t('crm.taxonomy.activate')}
          <span className="visually-hidden"> {reply.title}</span>
        </button>
      </div>
      {update.isError ? <ErrorAlert error={update.error} /> : null}
      {editing ? (
        <div className="mt-3">
          <CannedReplyForm
            reply={reply}
            onDone={(message) => {
              setEditing(false)
              announce(message)
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : null}
    </li>
  )
}

/** Ready answers per detail (or for every ticket), with the placeholders the console fills in. */
export function CannedRepliesEditor({ announce }: { announce: (message: string) => void }) {
  const { t } = useTranslation()
  const replies = useCannedReplies()
  return (
    <div className="row g-4" data-testid="canned-editor">
      <div className="col-12 col-xl-7">
        {replies.isPending ? <LoadingState /> : null}
        {replies.isError ? <ErrorAlert error={replies.error} onRetry={() => void replies.refetch()} /> : null}
        {replies.data?.length === 0 ? <p>{t('crm.canned.none')}</p> : null}
        <ul className="list-unstyled">
          {(replies.data ?? []).map((reply) => (
            <CannedReplyItem key={reply.id} reply={reply} announce={announce} />
          ))}
        </ul>
      </div>
      <section className="col-12 col-xl-5" aria-labelledby="canned-new-title">
        <div className="civico-panel">
          <h3 id="canned-new-title" className="h5">
            {t('crm.canned.new')}
          </h3>
          <CannedReplyForm onDone={announce} />
        </div>
      </section>
    </div>
  )
}
