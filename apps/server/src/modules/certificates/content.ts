import { formatLongDate, formatShortDate } from '../../platform/format.js'
import type { PersonFolder } from '../registry/source.js'
import type { CertificateDocument } from './document.js'
import { CERTIFICATE_TYPES, type CertificateType, type Fact } from './policy.js'

export type SecondLanguage = 'de' | 'sl' | 'fr'
export const CERTIFICATE_LANGUAGES = ['it', 'it-de', 'it-sl', 'it-fr'] as const
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number]

type Words = { it: string } & Record<SecondLanguage, string>

const TITLES: Record<CertificateType, Omit<Words, 'it'>> = {
  nascita: { de: 'GEBURTSBESCHEINIGUNG', sl: 'POTRDILO O ROJSTVU', fr: 'CERTIFICAT DE NAISSANCE' },
  cittadinanza: {
    de: 'STAATSBÜRGERSCHAFTSBESCHEINIGUNG',
    sl: 'POTRDILO O DRŽAVLJANSTVU',
    fr: 'CERTIFICAT DE NATIONALITÉ',
  },
  'esistenza-in-vita': { de: 'LEBENSBESCHEINIGUNG', sl: 'POTRDILO O ŽIVLJENJU', fr: 'CERTIFICAT DE VIE' },
  residenza: {
    de: 'WOHNSITZBESCHEINIGUNG',
    sl: 'POTRDILO O STALNEM PREBIVALIŠČU',
    fr: 'CERTIFICAT DE RÉSIDENCE',
  },
  'storico-residenza': {
    de: 'HISTORISCHE WOHNSITZBESCHEINIGUNG',
    sl: 'ZGODOVINSKO POTRDILO O PREBIVALIŠČU',
    fr: 'CERTIFICAT HISTORIQUE DE RÉSIDENCE',
  },
  'stato-civile': {
    de: 'FAMILIENSTANDSBESCHEINIGUNG',
    sl: 'POTRDILO O OSEBNEM STANU',
    fr: 'CERTIFICAT D’ÉTAT CIVIL',
  },
  'stato-famiglia': {
    de: 'FAMILIENBOGEN',
    sl: 'POTRDILO O DRUŽINSKEM STANJU',
    fr: 'CERTIFICAT DE COMPOSITION DE LA FAMILLE',
  },
  'stato-libero': { de: 'LEDIGENBESCHEINIGUNG', sl: 'POTRDILO O SAMSKEM STANU', fr: 'CERTIFICAT DE CÉLIBAT' },
  contestuale: { de: 'SAMMELBESCHEINIGUNG', sl: 'SKUPNO POTRDILO', fr: 'CERTIFICAT CUMULATIF' },
}

const WORDS = {
  preamble: {
    it: 'L’Ufficiale d’Anagrafe, visti gli atti d’ufficio, certifica che',
    de: 'Der Standesbeamte bescheinigt auf Grund der Amtsakten, dass',
    sl: 'Matičar na podlagi uradnih spisov potrjuje, da',
    fr: 'L’officier d’état civil, vu les actes de l’office, certifie que',
  },
  birth: {
    it: 'Luogo e data di nascita',
    de: 'Geburtsort und -datum',
    sl: 'Kraj in datum rojstva',
    fr: 'Lieu et date de naissance',
  },
  citizenship: { it: 'Cittadinanza', de: 'Staatsbürgerschaft', sl: 'Državljanstvo', fr: 'Nationalité' },
  alive: {
    it: 'La persona sopra indicata è in vita alla data del presente certificato.',
    de: 'Die oben genannte Person ist am Tag dieser Bescheinigung am Leben.',
    sl: 'Zgoraj navedena oseba je na dan tega potrdila živa.',
    fr: 'La personne susmentionnée est en vie à la date du présent certificat.',
  },
  residence: { it: 'Residenza', de: 'Wohnsitz', sl: 'Stalno prebivališče', fr: 'Résidence' },
  residentSince: { it: 'Residente dal', de: 'Wohnhaft seit', sl: 'Prebiva od', fr: 'Résident depuis' },
  history: {
    it: 'Residenze precedenti',
    de: 'Frühere Wohnsitze',
    sl: 'Prejšnja prebivališča',
    fr: 'Résidences précédentes',
  },
  civilStatus: { it: 'Stato civile', de: 'Familienstand', sl: 'Osebni stan', fr: 'État civil' },
  free: {
    it: 'La persona sopra indicata è di stato libero.',
    de: 'Die oben genannte Person ist ledig beziehungsweise nicht verheiratet.',
    sl: 'Zgoraj navedena oseba ni v zakonski zvezi.',
    fr: 'La personne susmentionnée est libre de tout lien matrimonial.',
  },
  family: { it: 'Famiglia anagrafica', de: 'Meldefamilie', sl: 'Družina', fr: 'Famille' },
} satisfies Record<string, Words>

const CIVIL_STATUS: Record<string, { M: string; F: string }> = {
  single: { M: 'celibe', F: 'nubile' },
  married: { M: 'coniugato', F: 'coniugata' },
  civil_union: { M: 'unito civilmente', F: 'unita civilmente' },
  divorced: { M: 'divorziato', F: 'divorziata' },
  widowed: { M: 'vedovo', F: 'vedova' },
}

const RELATIONSHIP: Record<string, string> = {
  head: 'intestatario della scheda',
  spouse: 'coniuge',
  partner: 'convivente',
  child: 'figlio/a',
  parent: 'genitore',
  other: 'altro componente',
}

/** Countries of citizenship as the registry codes them, for the common cases; others print the code. */
const CITIZENSHIP: Record<string, string> = {
  IT: 'italiana',
  RO: 'rumena',
  EG: 'egiziana',
  CN: 'cinese',
  PH: 'filippina',
  PE: 'peruviana',
  AL: 'albanese',
  MA: 'marocchina',
  UA: 'ucraina',
  LK: 'singalese',
  EC: 'ecuadoriana',
  BD: 'bengalese',
}

function languagesOf(language: CertificateLanguage): CertificateDocument['languages'] {
  return language === 'it' ? ['it'] : ['it', language.slice(3) as SecondLanguage]
}

function say(words: Words, languages: CertificateDocument['languages']): string[] {
  return languages.map((language) => words[language])
}

function addressLine(address: PersonFolder['address']): string {
  return `${address.streetName} ${address.houseNumber}, ${address.postalCode} ${address.municipalityName} (${address.provinceCode})`
}

/** The facts a type certifies, read from the registry folder, in the order they are printed. */
export function factsOf(
  type: CertificateType,
  folder: PersonFolder,
  languages: CertificateDocument['languages'],
): CertificateDocument['facts'] {
  const { person } = folder
  const wanted: readonly Fact[] = CERTIFICATE_TYPES[type].facts
  const facts: CertificateDocument['facts'] = []
  for (const fact of wanted) {
    if (fact === 'birth') {
      facts.push({
        kind: 'line',
        label: say(WORDS.birth, languages),
        value: `${person.birthPlace.name}, ${formatLongDate(person.birthDate, 'it')}`,
      })
    } else if (fact === 'citizenship') {
      facts.push({
        kind: 'line',
        label: say(WORDS.citizenship, languages),
        value: CITIZENSHIP[person.citizenship] ?? person.citizenship,
      })
    } else if (fact === 'alive') {
      facts.push({ kind: 'statement', text: say(WORDS.alive, languages) })
    } else if (fact === 'residence') {
      facts.push({ kind: 'line', label: say(WORDS.residence, languages), value: addressLine(folder.address) })
      facts.push({
        kind: 'line',
        label: say(WORDS.residentSince, languages),
        value: formatLongDate(person.residentSince, 'it'),
      })
    } else if (fact === 'residence-history') {
      const earlier = folder.records
        .filter((record) => record.kind === 'previous-residence')
        .sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''))
      facts.push({
        kind: 'table',
        label: say(WORDS.history, languages),
        columns: ['Indirizzo', 'Comune', 'Dal', 'Al'],
        rows: earlier.map((record) => {
          const details = record.details as {
            streetName: string
            houseNumber: string
            municipalityName: string
          }
          return [
            `${details.streetName} ${details.houseNumber}`,
            details.municipalityName,
            record.validFrom ? formatShortDate(record.validFrom, 'it') : '',
            record.validUntil ? formatShortDate(record.validUntil, 'it') : '',
          ]
        }),
      })
    } else if (fact === 'civil-status' || fact === 'free-status') {
      const status = CIVIL_STATUS[person.civilStatus]?.[person.sex] ?? person.civilStatus
      if (fact === 'free-status') facts.push({ kind: 'statement', text: say(WORDS.free, languages) })
      facts.push({ kind: 'line', label: say(WORDS.civilStatus, languages), value: status })
    } else if (fact === 'family') {
      facts.push({
        kind: 'table',
        label: say(WORDS.family, languages),
        columns: ['Cognome e nome', 'Data di nascita', 'Rapporto'],
        rows: [
          {
            name: `${person.familyName} ${person.givenName}`,
            birthDate: person.birthDate,
            relationship: person.relationship,
          },
          ...folder.household.map((member) => ({
            name: `${member.familyName} ${member.givenName}`,
            birthDate: member.birthDate,
            relationship: member.relationship,
          })),
        ]
          .filter(
            (row, index, all) =>
              all.findIndex((other) => other.name === row.name && other.birthDate === row.birthDate) ===
              index,
          )
          .map((row) => [
            row.name,
            formatShortDate(row.birthDate, 'it'),
            RELATIONSHIP[row.relationship] ?? row.relationship,
          ]),
      })
    }
  }
  return facts
}

export const ART_40_NOTICE =
  'IL PRESENTE CERTIFICATO NON PUÒ ESSERE PRODOTTO AGLI ORGANI DELLA PUBBLICA AMMINISTRAZIONE O AI PRIVATI GESTORI DI PUBBLICI SERVIZI'
export const ABROAD_NOTICE = 'SI RILASCIA SOLO PER L’ESTERO (art. 40 DPR 445/2000)'

/** Titles, preamble and facts of a certificate for a person, in the chosen languages. */
export function certificateText(type: CertificateType, folder: PersonFolder, language: CertificateLanguage) {
  const languages = languagesOf(language)
  const titles = languages.map((item) =>
    item === 'it' ? CERTIFICATE_TYPES[type].title : TITLES[type][item as SecondLanguage],
  )
  return {
    languages,
    titles,
    preamble: say(WORDS.preamble, languages),
    facts: factsOf(type, folder, languages),
  }
}
