import type { IconName } from '../../app/ui/icon'

/** The folder's sections holding records, as the API counts them. */
export const RECORD_SECTIONS = [
  'documents',
  'education',
  'mobility',
  'properties',
  'isee',
  'libraries',
  'digital-domicile',
] as const
export type RecordSection = (typeof RECORD_SECTIONS)[number]

/** Every page of the folder, in the order of Milan's Fascicolo del Cittadino. */
export const FOLDER_SECTIONS = [
  'personal-data',
  'family',
  'documents',
  'education',
  'mobility',
  'properties',
  'isee',
  'libraries',
  'digital-domicile',
  'email-notifications',
] as const
export type FolderSection = (typeof FOLDER_SECTIONS)[number]

/** The Italian addresses of the section pages. */
export const SECTION_SLUGS: Record<FolderSection, string> = {
  'personal-data': 'i-miei-dati',
  family: 'i-miei-familiari',
  documents: 'documenti',
  education: 'educazione-e-istruzione',
  mobility: 'mobilita',
  properties: 'immobili',
  isee: 'isee',
  libraries: 'biblioteche',
  'digital-domicile': 'domicilio-digitale',
  'email-notifications': 'notifiche-via-mail',
}

export const SECTION_ICONS: Record<FolderSection, IconName> = {
  'personal-data': 'it-user',
  family: 'it-user',
  documents: 'it-files',
  education: 'it-bookmark',
  mobility: 'it-car',
  properties: 'it-pa',
  isee: 'it-chart-line',
  libraries: 'it-note',
  'digital-domicile': 'it-inbox',
  'email-notifications': 'it-mail',
}

/** Sections that only make sense for the signed-in citizen themselves, not for a child they open. */
export const OWN_ONLY_SECTIONS: readonly FolderSection[] = ['family', 'email-notifications']

export function sectionFromSlug(slug: string | undefined): FolderSection | undefined {
  return FOLDER_SECTIONS.find((section) => SECTION_SLUGS[section] === slug)
}

export function isRecordSection(section: FolderSection): section is RecordSection {
  return (RECORD_SECTIONS as readonly string[]).includes(section)
}
