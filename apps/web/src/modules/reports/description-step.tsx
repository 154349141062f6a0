import { type ChangeEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextArea } from '../../app/ui/text-area'
import { formatFileSize } from '../tickets/ticket-files'
import { DESCRIPTION_MAX, DESCRIPTION_MIN, type ReportDraft, type ReportErrors } from './report-draft'
import {
  type ChosenPhoto,
  MAX_PHOTOS,
  PHOTO_ACCEPT,
  PHOTO_MAX_BYTES,
  photoSource,
  type RefusedPhoto,
  readChosenPhotos,
} from './report-photos'

/** Up to three photos, previewed; what the city would refuse is refused here with the reason. */
function PhotoPicker({
  photos,
  onChange,
}: {
  photos: ChosenPhoto[]
  onChange: (photos: ChosenPhoto[]) => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [refused, setRefused] = useState<RefusedPhoto[]>([])
  const [announcement, setAnnouncement] = useState('')
  const [reading, setReading] = useState(false)
  const full = photos.length >= MAX_PHOTOS
  const size = formatFileSize(PHOTO_MAX_BYTES, i18n.language)

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? [])
    event.target.value = ''
    if (picked.length === 0) return
    setReading(true)
    const { accepted, refused: left } = await readChosenPhotos(picked, photos.length)
    setReading(false)
    setRefused(left)
    if (accepted.length > 0) onChange([...photos, ...accepted])
    setAnnouncement(accepted.length > 0 ? t('reports.photos.added', { count: accepted.length }) : '')
  }

  const remove = (photo: ChosenPhoto) => {
    onChange(photos.filter((entry) => entry.id !== photo.id))
    setRefused([])
    setAnnouncement(t('reports.photos.removed', { name: photo.name }))
    window.setTimeout(() => input.current?.focus(), 0)
  }

  return (
    <fieldset className="civico-field" aria-describedby={`${id}-hint`} data-testid="photo-picker">
      <legend className="civico-field-label">{t('reports.photos.legend')}</legend>
      <p id={`${id}-hint`} className="civico-field-hint">
        {t('reports.photos.hint', { max: MAX_PHOTOS, size })}
      </p>
      {photos.length > 0 ? (
        <ul className="civico-photo-previews" data-testid="chosen-photos">
          {photos.map((photo, index) => (
            <li key={photo.id}>
              <img
                src={photoSource(photo)}
                alt={t('reports.photos.previewAlt', { number: index + 1, name: photo.name })}
              />
              <span className="civico-file-name">{photo.name}</span>
              <button
                type="button"
                className="btn btn-link btn-sm p-0"
                onClick={() => remove(photo)}
                aria-label={t('reports.photos.removeNamed', { name: photo.name })}
              >
                {t('reports.photos.remove')}
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
        accept={PHOTO_ACCEPT}
        disabled={full || reading}
        onChange={(event) => void add(event)}
        data-testid="photo-input"
      />
      <label htmlFor={`${id}-input`} className={`btn btn-outline-primary btn-sm${full ? ' disabled' : ''}`}>
        {reading ? t('reports.photos.reading') : t('reports.photos.add')}
      </label>
      <p className="civico-field-hint mt-2 mb-0">
        {full
          ? t('reports.photos.full', { max: MAX_PHOTOS })
          : t('reports.photos.left', { count: MAX_PHOTOS - photos.length })}
      </p>
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      <div role="alert">
        {refused.length > 0 ? (
          <ul className="civico-field-error list-unstyled" data-testid="refused-photos">
            {refused.map((photo) => (
              <li key={`${photo.name}-${photo.reason}`}>
                {t(`reports.photos.refused.${photo.reason}`, { name: photo.name, max: MAX_PHOTOS, size })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </fieldset>
  )
}

/** Step 3: what is wrong, in the citizen's words, and what the photos show. */
export function DescriptionStep({
  draft,
  errors,
  onChange,
}: {
  draft: ReportDraft
  errors: ReportErrors
  onChange: (next: Partial<ReportDraft>) => void
}) {
  const { t } = useTranslation()
  const length = draft.description.trim().length
  return (
    <div data-testid="description-step">
      <TextArea
        label={t('reports.description.label')}
        hint={t('reports.description.hint', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX })}
        error={
          errors.description
            ? t('reports.description.error', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX })
            : undefined
        }
        name="description"
        rows={6}
        maxLength={DESCRIPTION_MAX}
        value={draft.description}
        onChange={(event) => onChange({ description: event.target.value })}
      />
      <p className="civico-field-hint" data-testid="description-counter">
        {t('reports.description.counter', { length, max: DESCRIPTION_MAX })}
      </p>
      <PhotoPicker photos={draft.photos} onChange={(photos) => onChange({ photos })} />
    </div>
  )
}
