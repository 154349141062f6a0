import { contactsOf, type SeedService, STANDARD_CONDITIONS } from './seed-texts.js'

const registryOffice = contactsOf({ it: 'Servizi anagrafici', en: 'Registry office' }, 'anagrafe')
const civilStatusOffice = contactsOf(
  { it: 'Ufficio di stato civile', en: 'Civil status office' },
  'statocivile',
)

/** Registry, civil status and the cross-cutting services of the demo catalogue. */
export const REGISTRY_SEED_SERVICES: SeedService[] = [
  {
    slug: 'certificati-anagrafici',
    categorySlug: 'anagrafe-e-stato-civile',
    audience: ['citizens', 'families'],
    channels: ['online', 'counter'],
    onlineAccessLevel: 2,
    featuredOrder: 1,
    it: {
      title: 'Certificati anagrafici',
      summary:
        'Scarica online i certificati di residenza, stato di famiglia, cittadinanza e nascita, in bollo o in esenzione.',
      whoIsItFor:
        'Alle persone residenti nel Comune, per sé e per i componenti della propria famiglia anagrafica.',
      howTo: [
        'Accedi al servizio con SPID o CIE.',
        'Scegli il certificato e la persona a cui si riferisce.',
        'Indica l’uso: in bollo (paghi con pagoPA) oppure in esenzione, citando la norma.',
        'Scarica il PDF firmato digitalmente.',
      ],
      whatYouNeed: [
        'Identità digitale SPID di livello 2 o CIE.',
        'Per i certificati in bollo, il pagamento dell’imposta di 16 euro con pagoPA.',
      ],
      whatYouGet:
        'Un certificato in PDF con timbro digitale, valido sei mesi e verificabile tramite il codice riportato.',
      timesAndDeadlines:
        'Il certificato è disponibile subito dopo la richiesta, tutti i giorni a qualsiasi ora.',
      access: { url: '/area-personale/certificati', label: 'Richiedi un certificato' },
      conditions: STANDARD_CONDITIONS.it,
      contacts: registryOffice.it,
    },
    en: {
      title: 'Registry certificates',
      summary:
        'Download residence, family status, citizenship and birth certificates online, with or without stamp duty.',
      whoIsItFor:
        'People resident in the city, for themselves and for the members of their registered household.',
      howTo: [
        'Sign in with SPID or CIE.',
        'Choose the certificate and the person it concerns.',
        'State the use: with stamp duty (paid through pagoPA) or exempt, quoting the rule.',
        'Download the digitally signed PDF.',
      ],
      whatYouNeed: [
        'A level 2 SPID digital identity or a CIE.',
        'For stamped certificates, the 16 euro duty paid through pagoPA.',
      ],
      whatYouGet:
        'A PDF certificate with a digital seal, valid for six months and verifiable with the code printed on it.',
      timesAndDeadlines: 'The certificate is ready as soon as you ask for it, any day at any time.',
      access: { url: '/area-personale/certificati', label: 'Request a certificate' },
      conditions: STANDARD_CONDITIONS.en,
      contacts: registryOffice.en,
    },
  },
  {
    slug: 'carta-identita-elettronica',
    categorySlug: 'anagrafe-e-stato-civile',
    audience: ['citizens', 'families'],
    channels: ['appointment'],
    onlineAccessLevel: null,
    featuredOrder: 2,
    it: {
      title: 'Carta d’identità elettronica',
      summary:
        'Prenota un appuntamento all’anagrafe per il rilascio o il rinnovo della carta d’identità elettronica (CIE).',
      whoIsItFor:
        'A chi è residente nel Comune e ha la carta scaduta, in scadenza entro sei mesi, smarrita o deteriorata.',
      howTo: [
        'Prenota un appuntamento presso una sede anagrafica.',
        'Presentati con la documentazione richiesta.',
        'Firma e lascia le impronte digitali allo sportello.',
        'Ricevi la carta per posta o ritirala in sede.',
      ],
      whatYouNeed: [
        'Una fototessera recente su sfondo chiaro.',
        'La carta d’identità precedente o la denuncia di smarrimento.',
        'Il codice fiscale o la tessera sanitaria.',
      ],
      whatYouGet:
        'La carta d’identità elettronica, valida per l’espatrio se richiesto, con le credenziali per usarla come identità digitale.',
      timesAndDeadlines:
        'La carta arriva entro sei giorni lavorativi dall’appuntamento. Rinnovala fino a sei mesi prima della scadenza.',
      access: {
        url: '/appuntamenti/nuovo?servizio=carta-identita-elettronica',
        label: 'Prenota un appuntamento',
      },
      conditions:
        'Il costo è di 22,21 euro, da pagare allo sportello con carta o pagoPA. Per i minori serve l’assenso di entrambi i genitori per la validità all’espatrio.',
      contacts: registryOffice.it,
    },
    en: {
      title: 'Electronic identity card',
      summary:
        'Book an appointment at the registry office to get or renew your electronic identity card (CIE).',
      whoIsItFor: 'Residents whose card has expired, expires within six months, has been lost or is damaged.',
      howTo: [
        'Book an appointment at a registry office.',
        'Come with the required documents.',
        'Sign and give your fingerprints at the counter.',
        'Receive the card by post or collect it at the office.',
      ],
      whatYouNeed: [
        'A recent passport photo on a light background.',
        'Your previous identity card or the loss report.',
        'Your tax code or health card.',
      ],
      whatYouGet:
        'The electronic identity card, valid for travel abroad if requested, with the credentials to use it as a digital identity.',
      timesAndDeadlines:
        'The card arrives within six working days of the appointment. You can renew it up to six months before it expires.',
      access: {
        url: '/appuntamenti/nuovo?servizio=carta-identita-elettronica',
        label: 'Book an appointment',
      },
      conditions:
        'The fee is 22.21 euro, paid at the counter by card or pagoPA. For minors, both parents must consent for the card to be valid for travel.',
      contacts: registryOffice.en,
    },
  },
  {
    slug: 'cambio-di-residenza',
    categorySlug: 'anagrafe-e-stato-civile',
    audience: ['citizens', 'families'],
    channels: ['online', 'counter'],
    onlineAccessLevel: 2,
    it: {
      title: 'Cambio di residenza',
      summary:
        'Dichiara online il trasferimento della residenza nel Comune o il cambio di indirizzo all’interno della città.',
      whoIsItFor: 'A chi arriva da un altro Comune o dall’estero e a chi cambia casa restando in città.',
      howTo: [
        'Accedi con SPID o CIE e compila la dichiarazione.',
        'Indica le persone che si trasferiscono con te.',
        'Allega i documenti richiesti e invia.',
        'Attendi il controllo della Polizia Locale all’indirizzo dichiarato.',
      ],
      whatYouNeed: [
        'Documento d’identità di tutte le persone che si trasferiscono.',
        'Titolo di occupazione dell’abitazione (contratto d’affitto, atto di proprietà o comodato).',
      ],
      whatYouGet: 'L’iscrizione all’indirizzo nuovo, con effetto dalla data della dichiarazione.',
      timesAndDeadlines:
        'La dichiarazione va presentata entro 20 giorni dal trasloco. Il Comune conclude gli accertamenti entro 45 giorni.',
      access: { url: '/area-personale/residenza', label: 'Dichiara il cambio di residenza' },
      conditions: STANDARD_CONDITIONS.it,
      contacts: registryOffice.it,
    },
    en: {
      title: 'Change of residence',
      summary: 'Declare online that you are moving your residence to the city or changing address within it.',
      whoIsItFor:
        'People arriving from another municipality or from abroad, and people moving house within the city.',
      howTo: [
        'Sign in with SPID or CIE and fill in the declaration.',
        'List the people moving with you.',
        'Attach the required documents and send.',
        'Wait for the Local Police check at the declared address.',
      ],
      whatYouNeed: [
        'An identity document for everyone who is moving.',
        'Proof of your right to live in the home (lease, deed or loan for use).',
      ],
      whatYouGet: 'Registration at the new address, effective from the date of the declaration.',
      timesAndDeadlines: 'Declare the move within 20 days. The City completes its checks within 45 days.',
      access: { url: '/area-personale/residenza', label: 'Declare a change of residence' },
      conditions: STANDARD_CONDITIONS.en,
      contacts: registryOffice.en,
    },
  },
  {
    slug: 'certificati-di-stato-civile',
    categorySlug: 'anagrafe-e-stato-civile',
    audience: ['citizens'],
    channels: ['online', 'counter'],
    onlineAccessLevel: 2,
    it: {
      title: 'Certificati ed estratti di stato civile',
      summary:
        'Richiedi certificati ed estratti di nascita, matrimonio, unione civile e morte registrati nel Comune.',
      whoIsItFor:
        'A chiunque abbia un atto di stato civile registrato nel Comune, o a chi ne ha interesse secondo la legge.',
      howTo: [
        'Accedi con SPID o CIE.',
        'Scegli il tipo di atto e l’anno di registrazione.',
        'Invia la richiesta e scarica il documento quando è pronto.',
      ],
      whatYouNeed: [
        'Identità digitale SPID di livello 2 o CIE.',
        'I dati dell’atto: nomi, data e luogo dell’evento.',
      ],
      whatYouGet: 'Il certificato o l’estratto richiesto, in esenzione da bollo.',
      timesAndDeadlines:
        'Gli atti informatizzati sono disponibili subito; per quelli più vecchi servono fino a 5 giorni lavorativi.',
      access: {
        url: '/area-personale/certificati?tipo=stato-civile',
        label: 'Richiedi un certificato di stato civile',
      },
      conditions: STANDARD_CONDITIONS.it,
      contacts: civilStatusOffice.it,
    },
    en: {
      title: 'Civil status certificates and extracts',
      summary:
        'Request certificates and extracts of birth, marriage, civil union and death records registered in the city.',
      whoIsItFor:
        'Anyone with a civil status record registered in the city, or anyone entitled by law to see it.',
      howTo: [
        'Sign in with SPID or CIE.',
        'Choose the kind of record and the year it was registered.',
        'Send the request and download the document when it is ready.',
      ],
      whatYouNeed: [
        'A level 2 SPID digital identity or a CIE.',
        'The record details: names, date and place of the event.',
      ],
      whatYouGet: 'The requested certificate or extract, free of stamp duty.',
      timesAndDeadlines: 'Digitised records are available at once; older ones take up to 5 working days.',
      access: {
        url: '/area-personale/certificati?tipo=stato-civile',
        label: 'Request a civil status certificate',
      },
      conditions: STANDARD_CONDITIONS.en,
      contacts: civilStatusOffice.en,
    },
  },
]
