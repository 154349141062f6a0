import { type ChangeEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Icon } from '../../app/ui/icon'
import {
  ACCEPT_ATTRIBUTE,
  ATTACHMENT_MAX_BYTES,
  type ChosenFile,
  formatFileSize,
  MAX_ATTACHMENTS,
  type RefusedFile,
  readChosenFiles,
} from './ticket-files'

/**
 * Up to five files, with the limits said before choosing. What the city would refuse (type, size,
 * count) is refused here with the reason; the server checks the content again and has the last word.
 */
export function AttachmentPicker({
  files,
  onChange,
  testId = 'attachment-picker',
}: {
  files: ChosenFile[]
  onChange: (files: ChosenFile[]) => void
  testId?: string
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [refused, setRefused] = useState<RefusedFile[]>([])
  const [announcement, setAnnouncement] = useState('')
  const [reading, setReading] = useState(false)
  const full = files.length >= MAX_ATTACHMENTS
  const maxSize = formatFileSize(ATTACHMENT_MAX_BYTES, i18n.language)

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? [])
    // The same file can be picked again after removing it.
    event.target.value = ''
    if (picked.length === 0) return
    setReading(true)
    const { accepted, refused: left } = await readChosenFiles(picked, files.length)
    setReading(false)
    setRefused(left)
    if (accepted.length > 0) onChange([...files, ...accepted])
    setAnnouncement(
      accepted.length > 0
        ? t('tickets.files.added', {
            count: accepted.length,
            names: accepted.map((file) => file.name).join(', '),
          })
        : '',
    )
  }

  const remove = (file: ChosenFile) => {
    onChange(files.filter((entry) => entry.id !== file.id))
    setRefused([])
    setAnnouncement(t('tickets.files.removed', { name: file.name }))
    // The button pressed is gone: the way to add a file is the next sensible place.
    window.setTimeout(() => input.current?.focus(), 0)
  }

  return (
    <fieldset className="civico-field" aria-describedby={`${id}-hint`} data-testid={testId}>
      <legend className="civico-field-label">{t('tickets.files.legend')}</legend>
      <p id={`${id}-hint`} className="civico-field-hint">
        {t('tickets.files.hint', { max: MAX_ATTACHMENTS, size: maxSize })}
      </p>
      {files.length > 0 ? (
        <ul className="civico-file-list" data-testid="chosen-files">
          {files.map((file) => (
            <li key={file.id}>
              <Icon name="it-files" size="sm" color="primary" />
              <span className="civico-file-name">{file.name}</span>
              <span className="civico-file-size">{formatFileSize(file.size, i18n.language)}</span>
              <button
                type="button"
                className="btn btn-link btn-sm p-0 ms-auto"
                onClick={() => remove(file)}
                aria-label={t('tickets.files.removeNamed', { name: file.name })}
              >
                {t('tickets.files.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={input}
        id={`${id}-input`}
        className="civico-file-input"
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        disabled={full || reading}
        onChange={(event) => void add(event)}
        data-testid="attachment-input"
      />
      <label htmlFor={`${id}-input`} className={`btn btn-outline-primary btn-sm${full ? ' disabled' : ''}`}>
        <Icon name="it-files" size="sm" color="primary" className="me-1" />
        {reading ? t('tickets.files.reading') : t('tickets.files.add')}
      </label>
      <p className="civico-field-hint mt-2 mb-0">
        {full
          ? t('tickets.files.full', { max: MAX_ATTACHMENTS })
          : t('tickets.files.left', { count: MAX_ATTACHMENTS - files.length })}
      </p>
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      <div role="alert">
        {refused.length > 0 ? (
          <ul className="civico-field-error list-unstyled" data-testid="refused-files">
            {refused.map((file) => (
              <li key={`${file.name}-${file.reason}`}>
                {t(`tickets.files.refused.${file.reason}`, {
                  name: file.name,
                  max: MAX_ATTACHMENTS,
                  size: maxSize,
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </fieldset>
  )
}
