import { type JsonRecord, readString } from '../../app/api/parse'

/** A number or null (a missing member counts as null). */
export function readNullableNumber(record: JsonRecord, key: string): number | null {
  const value = record[key]
  if (value === null || value === undefined) return null
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${key} is not a number`)
  return value
}

/** A string the server may leave out; empty when it does. */
export function readOptionalString(record: JsonRecord, key: string): string {
  const value = record[key]
  if (value === null || value === undefined) return ''
  return readString(record, key)
}

/** A boolean the server may leave out. */
export function readOptionalBoolean(record: JsonRecord, key: string, fallback: boolean): boolean {
  const value = record[key]
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'boolean') throw new TypeError(`${key} is not a boolean`)
  return value
}
