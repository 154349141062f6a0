import { contactsOf, type SeedService, STANDARD_CONDITIONS } from './seed-texts.js'

const mobility = contactsOf({ it: 'Area Mobilità', en: 'Mobility department' }, 'mobilita')
const taxes = contactsOf({ it: 'Area Tributi', en: 'Local taxes office' }, 'tributi')

/** Mobility, local taxes and payments in the demo catalogue. */
export const CITY_SEED_SERVICES: SeedService[] = [
  {
    slug: 'area-b',
    categorySlug: 'mobilita-e-trasporti',
    audience: ['citizens', 'businesses'],
    channels: ['online'],
    onlineAccessLevel: 2,
    featuredOrder: 5,
    it: {
      title: 'Area B',
      summary:
        'La zona a traffico limitato che copre quasi tutta la città: verifica i divieti per il tuo veicolo e chiedi le deroghe.',
      whoIsItFor:
        'A chi guida in città un veicolo soggetto ai divieti per classe ambientale, e a chi ha diritto a una deroga.',
      howTo: [
        'Verifica se il tuo veicolo può circolare.',
        'Se hai diritto a una deroga, accedi e compila la richiesta.',
        'Installa la scatola nera Move-In, se vuoi usare i chilometri annui consentiti.',
      ],
      whatYouNeed: ['La targa del veicolo.', 'Per le deroghe, la documentazione che ne attesta il diritto.'],
      whatYouGet: 'La conferma del diritto a circolare o l’autorizzazione in deroga, registrata sulla targa.',
      timesAndDeadlines:
        'I divieti valgono nei giorni feriali dalle 7.30 alle 19.30. Le deroghe sono esaminate entro 30 giorni.',
      access: { url: 'https://www.comune.example.it/area-b', label: 'Vai al servizio Area B' },
      conditions: STANDARD_CONDITIONS.it,
      contacts: mobility.it,
    },
    en: {
      title: 'Area B',
      summary:
        'The low-emission zone covering most of the city: check the bans for your vehicle and apply for exemptions.',
      whoIsItFor:
        'Drivers of vehicles subject to bans by emission class, and people entitled to an exemption.',
      howTo: [
        'Check whether your vehicle may enter.',
        'If you are entitled to an exemption, sign in and apply.',
        'Fit the Move-In black box if you want to use the yearly mileage allowed.',
      ],
      whatYouNeed: ['The vehicle’s number plate.', 'For exemptions, the documents proving your entitlement.'],
      whatYouGet: 'Confirmation that you may drive, or an exemption recorded against the number plate.',
      timesAndDeadlines: 'Bans apply on weekdays from 7.30 to 19.30. Exemptions are reviewed within 30 days.',
      access: { url: 'https://www.comune.example.it/area-b', label: 'Go to Area B' },
      conditions: STANDARD_CONDITIONS.en,
      contacts: mobility.en,
    },
  },
  {
    slug: 'area-c',
    categorySlug: 'mobilita-e-trasporti',
    audience: ['citizens', 'businesses', 'visitors'],
    channels: ['online'],
    onlineAccessLevel: 2,
    it: {
      title: 'Area C',
      summary:
        'Il centro storico a pagamento: acquista e attiva il ticket d’ingresso giornaliero per il tuo veicolo.',
      whoIsItFor:
        'A chi entra in auto nel centro storico nei giorni feriali, residenti compresi con le loro agevolazioni.',
      howTo: [
        'Accedi e indica la targa.',
        'Acquista il ticket giornaliero o un carnet.',
        'Attiva il ticket entro la mezzanotte del giorno successivo all’ingresso.',
      ],
      whatYouNeed: ['La targa del veicolo.', 'Una carta di pagamento o un conto abilitato a pagoPA.'],
      whatYouGet: 'Il ticket attivato sulla targa, valido per tutta la giornata di ingresso.',
      timesAndDeadlines: 'L’area è attiva nei giorni feriali dalle 7.30 alle 19.30; il giovedì fino alle 18.',
      access: { url: 'https://www.comune.example.it/area-c', label: 'Acquista un ticket Area C' },
      conditions: STANDARD_CONDITIONS.it,
      contacts: mobility.it,
    },
    en: {
      title: 'Area C',
      summary:
        'The congestion charge for the historic centre: buy and activate the daily entry ticket for your vehicle.',
      whoIsItFor:
        'Anyone driving into the historic centre on weekdays, including residents with their reductions.',
      howTo: [
        'Sign in and enter the number plate.',
        'Buy a daily ticket or a book of tickets.',
        'Activate the ticket by midnight of the day after entering.',
      ],
      whatYouNeed: ['The vehicle’s number plate.', 'A payment card or an account that works with pagoPA.'],
      whatYouGet: 'A ticket activated on the number plate, valid for the whole day of entry.',
      timesAndDeadlines: 'The area is active on weekdays from 7.30 to 19.30, and until 18.00 on Thursdays.',
      access: { url: 'https://www.comune.example.it/area-c', label: 'Buy an Area C ticket' },
      conditions: STANDARD_CONDITIONS.en,
      contacts: mobility.en,
    },
  },
  {
    slug: 'permesso-sosta-residenti',
    categorySlug: 'mobilita-e-trasporti',
    audience: ['citizens', 'families'],
    channels: ['online', 'counter'],
    onlineAccessLevel: 2,
    it: {
      title: 'Permesso di sosta per residenti',
      summary:
        'Richiedi o rinnova il permesso per parcheggiare nelle strisce gialle e blu del tuo ambito di residenza.',
      whoIsItFor: 'Ai residenti intestatari, o utilizzatori abituali, di un veicolo.',
      howTo: [
        'Accedi con SPID o CIE.',
        'Indica la targa e il titolo d’uso del veicolo.',
        'Invia la richiesta e ricevi il permesso digitale.',
      ],
      whatYouNeed: [
        'Residenza nel Comune.',
        'Carta di circolazione del veicolo.',
        'Per i veicoli aziendali, la dichiarazione d’uso esclusivo.',
      ],
      whatYouGet:
        'Un permesso digitale legato alla targa, controllato dagli ausiliari senza contrassegno cartaceo.',
      timesAndDeadlines: 'Il permesso dura due anni. Puoi rinnovarlo nei 30 giorni prima della scadenza.',
      access: { url: '/area-personale/permessi-sosta', label: 'Richiedi il permesso di sosta' },
      conditions: STANDARD_CONDITIONS.it,
      contacts: mobility.it,
    },
    en: {
      title: 'Residents’ parking permit',
      summary:
        'Apply for or renew the permit to park in the yellow and blue bays of the area where you live.',
      whoIsItFor: 'Residents who own, or regularly use, a vehicle.',
      howTo: [
        'Sign in with SPID or CIE.',
        'Enter the number plate and your right to use the vehicle.',
        'Send the request and receive the digital permit.',
      ],
      whatYouNeed: [
        'Residence in the city.',
        'The vehicle registration document.',
        'For company vehicles, a statement of exclusive use.',
      ],
      whatYouGet: 'A digital permit tied to the number plate, checked by wardens with no paper badge.',
      timesAndDeadlines: 'The permit lasts two years. You can renew it in the 30 days before it expires.',
      access: { url: '/area-personale/permessi-sosta', label: 'Apply for a parking permit' },
      conditions: STANDARD_CONDITIONS.en,
      contacts: mobility.en,
    },
  },
  {
    slug: 'tari-tassa-rifiuti',
    categorySlug: 'tributi-e-pagamenti',
    audience: ['citizens', 'families', 'businesses'],
    channels: ['online', 'counter'],
    onlineAccessLevel: 2,
    featuredOrder: 3,
    it: {
      title: 'TARI - Tassa rifiuti',
      summary:
        'Consulta la tua posizione TARI, dichiara l’inizio o la fine dell’occupazione di un immobile e paga gli avvisi.',
      whoIsItFor: 'A chi occupa o detiene un’abitazione o un locale nel Comune, anche in affitto.',
      howTo: [
        'Accedi con SPID o CIE.',
        'Presenta la dichiarazione di inizio, variazione o cessazione.',
        'Consulta gli avvisi e paga con pagoPA.',
      ],
      whatYouNeed: [
        'I dati catastali dell’immobile.',
        'La superficie calpestabile e il numero degli occupanti.',
      ],
      whatYouGet: 'La posizione aggiornata e gli avvisi di pagamento, con le rate e le scadenze.',
      timesAndDeadlines:
        'La dichiarazione va presentata entro 90 giorni dall’inizio dell’occupazione. Le rate scadono di norma ad aprile e a dicembre.',
      access: { url: '/area-personale/pagamenti?tributo=tari', label: 'Vai alla tua posizione TARI' },
      conditions:
        'Sono previste riduzioni per chi vive da solo, per il compostaggio domestico e per i nuclei con ISEE basso, su domanda.',
      contacts: taxes.it,
    },
    en: {
      title: 'TARI - Waste tax',
      summary:
        'See your waste tax account, declare when you start or stop occupying a property and pay your notices.',
      whoIsItFor: 'Anyone who occupies or holds a home or premises in the city, tenants included.',
      howTo: [
        'Sign in with SPID or CIE.',
        'Declare the start, change or end of occupation.',
        'See your notices and pay through pagoPA.',
      ],
      whatYouNeed: [
        'The land registry details of the property.',
        'The floor area and the number of occupants.',
      ],
      whatYouGet: 'An up-to-date account and payment notices with instalments and due dates.',
      timesAndDeadlines:
        'Declare within 90 days of moving in. Instalments are usually due in April and December.',
      access: { url: '/area-personale/pagamenti?tributo=tari', label: 'Go to your waste tax account' },
      conditions:
        'Reductions are available on request for people living alone, for home composting and for low-income households.',
      contacts: taxes.en,
    },
  },
  {
    slug: 'pagamenti-pagopa',
    categorySlug: 'tributi-e-pagamenti',
    audience: ['citizens', 'families', 'businesses'],
    channels: ['online'],
    onlineAccessLevel: null,
    featuredOrder: 4,
    it: {
      title: 'Pagamenti pagoPA',
      summary: 'Paga online multe, tributi, rette e canoni del Comune con pagoPA, anche senza accedere.',
      whoIsItFor: 'A chiunque debba pagare una somma al Comune.',
      howTo: [
        'Inserisci il codice avviso e il codice fiscale dell’ente, oppure accedi per vedere i tuoi avvisi.',
        'Scegli come pagare: carta, conto o app.',
        'Conserva la ricevuta.',
      ],
      whatYouNeed: ['Il codice avviso di 18 cifre, oppure SPID o CIE per vedere le tue posizioni.'],
      whatYouGet: 'La ricevuta telematica, valida come quietanza liberatoria.',
      timesAndDeadlines:
        'Il pagamento è registrato subito. Rispetta la scadenza indicata sull’avviso per evitare sanzioni.',
      access: { url: '/pagamenti', label: 'Paga un avviso' },
      conditions: 'Le commissioni dipendono dal prestatore scelto e sono mostrate prima della conferma.',
      contacts: taxes.it,
    },
    en: {
      title: 'pagoPA payments',
      summary:
        'Pay fines, taxes, school fees and charges to the City online with pagoPA, even without signing in.',
      whoIsItFor: 'Anyone who owes a sum to the City.',
      howTo: [
        'Enter the notice code and the City’s tax code, or sign in to see your notices.',
        'Choose how to pay: card, bank account or app.',
        'Keep the receipt.',
      ],
      whatYouNeed: ['The 18-digit notice code, or SPID or CIE to see your dues.'],
      whatYouGet: 'An electronic receipt that discharges the debt.',
      timesAndDeadlines:
        'The payment is recorded at once. Pay by the due date on the notice to avoid penalties.',
      access: { url: '/pagamenti', label: 'Pay a notice' },
      conditions: 'Fees depend on the payment provider you choose and are shown before you confirm.',
      contacts: taxes.en,
    },
  },
]
