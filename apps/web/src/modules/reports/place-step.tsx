import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Icon } from '../../app/ui/icon'
import { ADDRESS_MAX, type ReportDraft, type ReportErrors } from './report-draft'
import { ReportMap } from './report-map'
import { type LatLong, type MapSettings, nearestStreet, type Street, useStreets } from './reports-api'

type LocateState = 'idle' | 'locating' | 'denied' | 'unavailable'

interface PlaceStepProps {
  draft: ReportDraft
  errors: ReportErrors
  onChange: (next: Partial<ReportDraft>) => void
  settings: MapSettings
}

const formatPoint = (point: LatLong, language: string) => {
  const format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 5 })
  return `${format.format(point.lat)}, ${format.format(point.long)}`
}

/**
 * Step 1, the place: the street list's search is enough on its own (and with the keyboard); the
 * map takes a tap, a click or a drag of the pin; the phone's position is one button away.
 */
export function PlaceStep({ draft, errors, onChange, settings }: PlaceStepProps) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [searching, setSearching] = useState(false)
  const [locate, setLocate] = useState<LocateState>('idle')
  const [announcement, setAnnouncement] = useState('')
  // Bumped by every pin and every keystroke: a street name arriving late never overwrites newer typing.
  const latest = useRef(0)
  const streets = useStreets(searching ? draft.address : '')
  const results = searching && draft.address.trim().length >= 2 ? (streets.data ?? []) : []

  // A pin set on the map or by the phone gets the nearest street's name, if the city knows one.
  const placeAt = async (point: LatLong) => {
    setSearching(false)
    onChange({ point })
    latest.current += 1
    const asked = latest.current
    const street = await nearestStreet(point)
    if (asked !== latest.current) return
    if (street) onChange({ point, address: street.name })
    setAnnouncement(
      street
        ? t('reports.place.pinPlacedNear', { street: street.name })
        : t('reports.place.pinPlaced', { point: formatPoint(point, i18n.language) }),
    )
  }

  const choose = (street: Street) => {
    latest.current += 1
    setSearching(false)
    onChange({ point: { lat: street.lat, long: street.long }, address: street.name })
    setAnnouncement(t('reports.place.streetChosen', { street: street.name }))
  }

  const locateMe = () => {
    if (!('geolocation' in navigator)) {
      setLocate('unavailable')
      return
    }
    setLocate('locating')
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocate('idle')
        void placeAt({ lat: position.coords.latitude, long: position.coords.longitude })
      },
      (error) => setLocate(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    )
  }

  const errorId = `${id}-error`
  return (
    <div data-testid="place-step">
      <div className="civico-field">
        <label className="civico-field-label" htmlFor={`${id}-address`}>
          {t('reports.place.addressLabel')}
        </label>
        <p id={`${id}-hint`} className="civico-field-hint">
          {t('reports.place.addressHint')}
        </p>
        <input
          id={`${id}-address`}
          className="form-control"
          type="search"
          autoComplete="off"
          maxLength={ADDRESS_MAX}
          value={draft.address}
          aria-describedby={`${id}-hint${errors.place ? ` ${errorId}` : ''}`}
          aria-invalid={errors.place ? true : undefined}
          aria-controls={`${id}-results`}
          onChange={(event) => {
            latest.current += 1
            setSearching(true)
            onChange({ address: event.target.value })
          }}
          data-testid="address-search"
        />
        {errors.place ? (
          <p id={errorId} className="civico-field-error">
            {t('reports.place.missing')}
          </p>
        ) : null}
        <div id={`${id}-results`} aria-live="polite">
          {results.length > 0 ? (
            <>
              <p className="visually-hidden">{t('reports.place.results', { count: results.length })}</p>
              <ul className="list-unstyled civico-street-results" data-testid="street-results">
                {results.map((street) => (
                  <li key={`${street.name}-${street.lat}-${street.long}`}>
                    <button
                      type="button"
                      className="btn btn-link text-start px-0"
                      onClick={() => choose(street)}
                    >
                      <Icon name="it-map-marker" size="sm" color="primary" className="me-1" />
                      {street.name}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : searching && draft.address.trim().length >= 2 && streets.isSuccess && !streets.isFetching ? (
            <p className="civico-field-hint">{t('reports.place.noStreet')}</p>
          ) : null}
        </div>
      </div>

      <div className="mb-3">
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={locateMe}
          disabled={locate === 'locating'}
          data-testid="use-my-position"
        >
          <Icon name="it-map-marker" size="sm" color="primary" className="me-1" />
          {locate === 'locating' ? t('reports.place.locating') : t('reports.place.useMyPosition')}
        </button>
        <div role="alert">
          {locate === 'denied' || locate === 'unavailable' ? (
            <p className="civico-field-error mt-2" data-testid="position-refused">
              {t(locate === 'denied' ? 'reports.place.positionDenied' : 'reports.place.positionUnavailable')}
            </p>
          ) : null}
        </div>
      </div>

      <p className="civico-field-hint" id={`${id}-map-hint`}>
        {t('reports.place.mapHint')}
      </p>
      <ReportMap
        settings={settings}
        label={t('reports.place.mapLabel')}
        pin={draft.point}
        onPick={(point) => void placeAt(point)}
        testId="place-map"
      />
      <p className="mt-2 mb-0" data-testid="place-chosen">
        {draft.point
          ? t('reports.place.chosenPoint', { point: formatPoint(draft.point, i18n.language) })
          : t('reports.place.noPoint')}
      </p>
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
    </div>
  )
}
