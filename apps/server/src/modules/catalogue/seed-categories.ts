import type { CategoryRecord } from './repo.js'

/** The categories of the demo catalogue, in the order the home page lists them. */
export const SEED_CATEGORIES: CategoryRecord[] = [
  {
    slug: 'anagrafe-e-stato-civile',
    nameIt: 'Anagrafe e stato civile',
    nameEn: 'Registry and civil status',
    position: 1,
  },
  {
    slug: 'mobilita-e-trasporti',
    nameIt: 'Mobilità e trasporti',
    nameEn: 'Mobility and transport',
    position: 2,
  },
  { slug: 'tributi-e-pagamenti', nameIt: 'Tributi e pagamenti', nameEn: 'Taxes and payments', position: 3 },
  {
    slug: 'educazione-e-formazione',
    nameIt: 'Educazione e formazione',
    nameEn: 'Education and training',
    position: 4,
  },
  {
    slug: 'cultura-e-tempo-libero',
    nameIt: 'Cultura e tempo libero',
    nameEn: 'Culture and leisure',
    position: 5,
  },
  {
    slug: 'lavoro-e-concorsi',
    nameIt: 'Lavoro e concorsi',
    nameEn: 'Jobs and public competitions',
    position: 6,
  },
  { slug: 'vita-in-citta', nameIt: 'Vita in città', nameEn: 'City life', position: 7 },
  { slug: 'servizi-al-cittadino', nameIt: 'Servizi al cittadino', nameEn: 'Citizen services', position: 8 },
]
