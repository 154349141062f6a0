import type { Queryable } from '../../db/client.js'
import type { Locale } from '../../platform/i18n.js'
import { findCitizenAccountByFiscalCode } from './account-repo.js'

/** How the city can reach a person: only verified contacts count. */
export interface ReachableContacts {
  accountId: string
  email: string | null
  mobile: string | null
  locale: Locale
}

/** The verified contacts of the person's account, or null when they never signed in. */
export async function findReachableContacts(
  db: Queryable,
  fiscalCode: string,
): Promise<ReachableContacts | null> {
  const account = await findCitizenAccountByFiscalCode(db, fiscalCode)
  if (!account) return null
  return {
    accountId: account.id,
    email: account.emailVerifiedAt ? account.email : null,
    mobile: account.mobilePhoneVerifiedAt ? account.mobilePhone : null,
    locale: account.locale === 'en' ? 'en' : 'it',
  }
}
