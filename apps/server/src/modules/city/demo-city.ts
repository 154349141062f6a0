import type { CityProfile } from './schema.js'

/** The demo installation is set in Milan, the city the product was born from; its people are synthetic. */
export const DEMO_CITY: CityProfile = {
  name: 'Milano',
  istatCode: '015146',
  cadastralCode: 'F205',
  fiscalCode: '01199250158',
  provinceCode: 'MI',
  region: 'Lombardia',
  contactPhone: '020202',
  contactEmail: 'info@comune.example.it',
  websiteUrl: 'https://www.comune.example.it',
}
