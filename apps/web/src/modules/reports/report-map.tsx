import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Bounds, LatLong, MapSettings } from './reports-api'

export interface MapPin extends LatLong {
  code: string
  /** Read by screen readers and shown on hover: the pin has no other text. */
  title: string
  status: string
}

interface ReportMapProps {
  settings: MapSettings
  /** The accessible name of the map region. */
  label: string
  /** The report's place, when there is one; with `onPick` it can be moved by tap, click or drag. */
  pin?: LatLong | null
  onPick?: (point: LatLong) => void
  pins?: readonly MapPin[]
  onPinOpen?: (code: string) => void
  onViewport?: (bounds: Bounds) => void
  testId?: string
}

// Drawn in CSS: Leaflet's image icons would need files from a path the bundle does not keep.
const placeIcon = L.divIcon({
  className: 'civico-map-pin civico-map-pin-place',
  iconSize: [28, 28],
  iconAnchor: [14, 28],
})
const reportIcon = (status: string) =>
  L.divIcon({
    className: `civico-map-pin civico-map-pin-${status}`,
    iconSize: [22, 22],
    iconAnchor: [11, 22],
  })

const boundsOf = (map: L.Map): Bounds => {
  const box = map.getBounds()
  return [box.getSouth(), box.getWest(), box.getNorth(), box.getEast()]
}

/**
 * A Leaflet map on the city's tiles when it has a tile server, otherwise on a plain background:
 * pins still show and a place can still be picked, and nothing is fetched from elsewhere.
 */
export function ReportMap({
  settings,
  label,
  pin,
  onPick,
  pins,
  onPinOpen,
  onViewport,
  testId,
}: ReportMapProps) {
  const { t } = useTranslation()
  const container = useRef<HTMLElement>(null)
  const map = useRef<L.Map | null>(null)
  const placeMarker = useRef<L.Marker | null>(null)
  const pinLayer = useRef<L.LayerGroup | null>(null)
  // Bumped when the map is made again (another language), so the pins are drawn on the new one.
  const [generation, setGeneration] = useState(0)
  // The latest callbacks, so the map is made once and never rebuilt on a re-render.
  const callbacks = useRef({ onPick, onPinOpen, onViewport })
  callbacks.current = { onPick, onPinOpen, onViewport }

  useEffect(() => {
    if (!container.current) return
    const created = L.map(container.current, {
      center: [settings.center.lat, settings.center.long],
      zoom: settings.zoom,
      zoomControl: true,
      attributionControl: true,
    })
    created.attributionControl.setPrefix(false)
    if (settings.tilesUrl) {
      L.tileLayer(settings.tilesUrl, { attribution: settings.attribution ?? '', maxZoom: 19 }).addTo(created)
    }
    // Leaflet's controls speak English: say them in the page's language.
    for (const [selector, text] of [
      ['.leaflet-control-zoom-in', t('reports.map.zoomIn')],
      ['.leaflet-control-zoom-out', t('reports.map.zoomOut')],
    ] as const) {
      const button = container.current.querySelector(selector)
      button?.setAttribute('title', text)
      button?.setAttribute('aria-label', text)
    }
    pinLayer.current = L.layerGroup().addTo(created)
    created.on('click', (event: L.LeafletMouseEvent) => {
      callbacks.current.onPick?.({ lat: event.latlng.lat, long: event.latlng.lng })
    })
    created.on('moveend', () => callbacks.current.onViewport?.(boundsOf(created)))
    map.current = created
    setGeneration((value) => value + 1)
    callbacks.current.onViewport?.(boundsOf(created))
    return () => {
      created.remove()
      map.current = null
      placeMarker.current = null
      pinLayer.current = null
    }
  }, [settings, t])

  // The place pin follows the draft; a place chosen by search or position is brought into view.
  useEffect(() => {
    const current = map.current
    if (!current || generation === 0) return
    if (!pin) {
      placeMarker.current?.remove()
      placeMarker.current = null
      return
    }
    const at = L.latLng(pin.lat, pin.long)
    if (!placeMarker.current) {
      const marker = L.marker(at, {
        icon: placeIcon,
        draggable: Boolean(onPick),
        title: t(onPick ? 'reports.map.placePin' : 'reports.map.reportPin'),
        keyboard: false,
      })
      marker.on('dragend', () => {
        const moved = marker.getLatLng()
        callbacks.current.onPick?.({ lat: moved.lat, long: moved.lng })
      })
      marker.addTo(current)
      placeMarker.current = marker
    } else {
      placeMarker.current.setLatLng(at)
    }
    if (!current.getBounds().pad(-0.15).contains(at)) current.setView(at, Math.max(current.getZoom(), 17))
  }, [pin, onPick, t, generation])

  useEffect(() => {
    const layer = pinLayer.current
    if (!layer || generation === 0) return
    layer.clearLayers()
    for (const entry of pins ?? []) {
      const marker = L.marker([entry.lat, entry.long], {
        icon: reportIcon(entry.status),
        title: entry.title,
        keyboard: true,
      })
      marker.on('click', () => callbacks.current.onPinOpen?.(entry.code))
      marker.addTo(layer)
    }
  }, [pins, generation])

  return (
    <section
      ref={container}
      className={`civico-report-map${settings.tilesUrl ? '' : ' civico-report-map-plain'}`}
      aria-label={label}
      data-testid={testId}
    />
  )
}
