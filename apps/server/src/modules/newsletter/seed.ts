import type { ServiceContext } from '../../platform/context.js'
import { insertTopic } from './repo.js'

/** The demo city's "Informami" topics; a real city edits them in the back office. */
const DEMO_TOPICS = [
  [
    'eventi-cultura',
    'Eventi e cultura',
    'Events and culture',
    'Mostre, concerti, biblioteche e iniziative in città.',
    'Exhibitions, concerts, libraries and events in the city.',
  ],
  [
    'mobilita',
    'Mobilità e traffico',
    'Mobility and traffic',
    'Area B e Area C, sosta, trasporti, cantieri che cambiano la viabilità.',
    'Area B and Area C, parking, transport, roadworks that change traffic.',
  ],
  [
    'ambiente',
    'Ambiente e verde',
    'Environment and green spaces',
    'Qualità dell’aria, rifiuti, parchi e alberi.',
    'Air quality, waste, parks and trees.',
  ],
  [
    'scuola',
    'Scuola ed educazione',
    'Schools and education',
    'Iscrizioni, mense, centri estivi e servizi per l’infanzia.',
    'Enrolment, school meals, summer camps and childcare.',
  ],
  [
    'servizi-online',
    'Servizi online',
    'Online services',
    'Nuovi servizi del portale e dell’app, scadenze da non perdere.',
    'New services on the portal and the app, deadlines not to miss.',
  ],
  [
    'sociale',
    'Welfare e sociale',
    'Welfare and social services',
    'Bandi, contributi e servizi per famiglie, anziani e persone fragili.',
    'Calls, grants and services for families, the elderly and vulnerable people.',
  ],
] as const

export async function seedNewsletterTopics(ctx: Pick<ServiceContext, 'db'>): Promise<{ topics: number }> {
  let created = 0
  for (const [position, [id, titleIt, titleEn, descriptionIt, descriptionEn]] of DEMO_TOPICS.entries()) {
    const inserted = await insertTopic(ctx.db, {
      id,
      title: { it: titleIt, en: titleEn },
      description: { it: descriptionIt, en: descriptionEn },
      position,
    })
    if (inserted) created++
  }
  return { topics: created }
}
