/** Open311 GeoReport v2 documents, in the spec's JSON and XML shapes. */

export type Open311Format = 'json' | 'xml'
export type Open311Value = string | number | boolean | null | undefined
export type Open311Record = Record<string, Open311Value | Open311Record[]>

export interface Open311Document {
  /** The XML root and the element of each item: `services`/`service`, `service_requests`/`request`. */
  root: string
  item: string
  items: Open311Record[]
  /** One record as the root itself (a service definition), not a list of items. */
  single?: boolean
}

// Characters XML 1.0 cannot carry at all, even escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the ones removed
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function element(name: string, value: Open311Value | Open311Record[], itemName: string): string {
  if (Array.isArray(value)) {
    return `<${name}>${value.map((entry) => recordXml(itemName, entry)).join('')}</${name}>`
  }
  if (value === null || value === undefined || value === '') return `<${name}/>`
  return `<${name}>${escapeXml(String(value))}</${name}>`
}

function recordXml(name: string, record: Open311Record): string {
  const children = Object.entries(record)
    .map(([key, value]) =>
      element(key, value, key === 'values' ? 'value' : key === 'attributes' ? 'attribute' : key),
    )
    .join('')
  return `<${name}>${children}</${name}>`
}

export function toXml(document: Open311Document): string {
  const body =
    document.single && document.items[0]
      ? recordXml(document.root, document.items[0])
      : element(document.root, document.items, document.item)
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`
}

/** JSON drops empty members, as the spec's examples do; XML keeps them as empty elements. */
function jsonRecord(record: Open311Record): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, Array.isArray(value) ? value.map(jsonRecord) : value]),
  )
}

export function serialize(format: Open311Format, document: Open311Document): string {
  if (format === 'xml') return toXml(document)
  const records = document.items.map(jsonRecord)
  return JSON.stringify(document.single ? records[0] : records)
}

export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
}

/** An error as Open311 clients expect it: a list of {code, description} with the HTTP status. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description)
  }
}

export function errorDocument(status: number, description: string): Open311Document {
  return { root: 'errors', item: 'error', items: [{ code: status, description }] }
}

/** `2026-03-01T09:30:00Z`: ISO 8601 with its offset, to the second. */
export function open311Date(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
