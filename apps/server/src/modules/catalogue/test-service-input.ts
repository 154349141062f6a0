import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { ZCreateServiceInput } from './schema.js'

const sections = (language: string) => ({
  whoIsItFor: `Pubblico di prova (${language})`,
  howTo: ['Primo passo', 'Secondo passo'],
  whatYouNeed: ['Un documento'],
  whatYouGet: 'Un risultato',
  timesAndDeadlines: 'Subito',
  access: { url: '/prova', label: 'Accedi' },
  conditions: 'Nessuna',
  contacts: { office: 'Ufficio prova', phone: '020202' },
})

/** A valid new service with a slug no other test uses. */
export function sampleServiceInput(): z.input<typeof ZCreateServiceInput> & { slug: string } {
  return {
    slug: `servizio-prova-${randomUUID().slice(0, 8)}`,
    title: { it: 'Servizio di prova', en: 'Sample service' },
    summary: { it: 'Un servizio per le prove.', en: 'A service for tests.' },
    categorySlug: 'servizi-al-cittadino',
    audience: ['citizens'],
    channels: ['online'],
    sections: { it: sections('it'), en: sections('en') },
  }
}
