import type { ServiceSections } from './schema.js'

/** One language of a seeded service page: its title, summary and sections. */
export interface SeedPageText extends ServiceSections {
  title: string
  summary: string
}

export const CONTACT_CENTRE_PHONE = '020202'

export const STANDARD_CONDITIONS = {
  it: 'Il servizio è erogato secondo la Carta dei servizi del Comune. I dati personali sono trattati nel rispetto del Regolamento UE 2016/679: l’informativa completa è disponibile nella sezione Privacy.',
  en: 'The service is provided under the City’s Service Charter. Personal data are processed in accordance with EU Regulation 2016/679: the full privacy notice is available in the Privacy section.',
}

export function contactsOf(office: { it: string; en: string }, mailbox: string) {
  const email = `${mailbox}@comune.example.it`
  return {
    it: { office: office.it, phone: CONTACT_CENTRE_PHONE, email },
    en: { office: office.en, phone: CONTACT_CENTRE_PHONE, email },
  }
}

export interface SeedService {
  slug: string
  categorySlug: string
  audience: ('citizens' | 'families' | 'businesses' | 'students' | 'visitors')[]
  channels: ('online' | 'appointment' | 'counter')[]
  onlineAccessLevel: 1 | 2 | 3 | null
  /** Set for the services shown "in evidenza", lowest first. */
  featuredOrder?: number
  it: SeedPageText
  en: SeedPageText
}
