import type { en, it } from './catalogues'

/** Italian is the reference catalogue: keys used in code are checked against it at compile time. */
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof it }
  }
}

// Both catalogues must carry the same keys; a missing translation fails the type check.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
export type CataloguesMatch = SameShape<typeof it, typeof en> extends true ? true : never
export const cataloguesMatch: CataloguesMatch = true
