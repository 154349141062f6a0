import enCore from './en.json'
import enAccount from './en-account.json'
import enBackOffice from './en-back-office.json'
import enFolder from './en-folder.json'
import enNewsletter from './en-newsletter.json'
import itCore from './it.json'
import itAccount from './it-account.json'
import itBackOffice from './it-back-office.json'
import itFolder from './it-folder.json'
import itNewsletter from './it-newsletter.json'

/**
 * One catalogue per language, kept in a few files so each stays short: the site (`it.json`), the
 * citizen's account and sign-in (`it-account.json`), the back office (`it-back-office.json`), the citizen folder (`it-folder.json`), the newsletter (`it-newsletter.json`).
 * Their top-level keys never overlap, so spreading them keeps every key.
 */
export const it = { ...itCore, ...itAccount, ...itBackOffice, ...itFolder, ...itNewsletter }
export const en = { ...enCore, ...enAccount, ...enBackOffice, ...enFolder, ...enNewsletter }
