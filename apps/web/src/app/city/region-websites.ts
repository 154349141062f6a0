/** Official websites of the Italian regions, so the slim header can link the city's region. */
const REGION_WEBSITES: Record<string, string> = {
  abruzzo: 'https://www.regione.abruzzo.it',
  basilicata: 'https://www.regione.basilicata.it',
  calabria: 'https://www.regione.calabria.it',
  campania: 'https://www.regione.campania.it',
  'emilia-romagna': 'https://www.regione.emilia-romagna.it',
  'friuli venezia giulia': 'https://www.regione.fvg.it',
  'friuli-venezia giulia': 'https://www.regione.fvg.it',
  lazio: 'https://www.regione.lazio.it',
  liguria: 'https://www.regione.liguria.it',
  lombardia: 'https://www.regione.lombardia.it',
  marche: 'https://www.regione.marche.it',
  molise: 'https://www.regione.molise.it',
  piemonte: 'https://www.regione.piemonte.it',
  puglia: 'https://www.regione.puglia.it',
  sardegna: 'https://www.regione.sardegna.it',
  sicilia: 'https://www.regione.sicilia.it',
  toscana: 'https://www.regione.toscana.it',
  'trentino-alto adige': 'https://www.regione.taa.it',
  umbria: 'https://www.regione.umbria.it',
  "valle d'aosta": 'https://www.regione.vda.it',
  veneto: 'https://www.regione.veneto.it',
}

export function regionWebsite(region: string): string | undefined {
  return REGION_WEBSITES[region.trim().toLowerCase()]
}
