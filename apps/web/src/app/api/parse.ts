/**
 * Small readers for API answers: each checks one field and throws a TypeError when the shape is not
 * what the client was written for, which the API client turns into an "unexpected answer" error.
 */
export type JsonRecord = Record<string, unknown>

export function asRecord(value: unknown, what: string): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${what} is not an object`)
  }
  return value as JsonRecord
}

export function readString(record: JsonRecord, key: string): string {
  const value = record[key]
  if (typeof value !== 'string') throw new TypeError(`${key} is not a string`)
  return value
}

export function readNullableString(record: JsonRecord, key: string): string | null {
  const value = record[key]
  if (value === null || value === undefined) return null
  if (typeof value !== 'string') throw new TypeError(`${key} is not a string`)
  return value
}

export function readNumber(record: JsonRecord, key: string): number {
  const value = record[key]
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${key} is not a number`)
  return value
}

export function readBoolean(record: JsonRecord, key: string): boolean {
  const value = record[key]
  if (typeof value !== 'boolean') throw new TypeError(`${key} is not a boolean`)
  return value
}

export function readStringArray(record: JsonRecord, key: string): string[] {
  const value = record[key]
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new TypeError(`${key} is not a list of strings`)
  }
  return value
}

/** A list of objects, each read by `parseItem`. */
export function readList<T>(value: unknown, what: string, parseItem: (item: unknown) => T): T[] {
  if (!Array.isArray(value)) throw new TypeError(`${what} is not a list`)
  return value.map(parseItem)
}

/** Narrows a string to one of the values the client knows, falling back when the server adds new ones. */
export function readOneOf<T extends string>(record: JsonRecord, key: string, allowed: readonly T[]): T {
  const value = readString(record, key)
  if (!(allowed as readonly string[]).includes(value)) throw new TypeError(`${key} has an unknown value`)
  return value as T
}
