import { contactsOf, type SeedService, STANDARD_CONDITIONS } from './seed-texts.js'

const citizenRelations = contactsOf({ it: 'Contact Center 020202', en: '020202 Contact Centre' }, 'info')
const schools = contactsOf({ it: 'Area Servizi scolastici', en: 'School services department' }, 'scuole')
const libraries = contactsOf({ it: 'Sistema bibliotecario', en: 'City library network' }, 'biblioteche')
const personnel = contactsOf({ it: 'Ufficio Selezione del personale', en: 'Recruitment office' }, 'concorsi')

/** Appointments, reports, schools, libraries and jobs in the demo catalogue. */
export const COMMUNITY_SEED_SERVICES: SeedService[] = [
  {
    slug: 'prenotazione-appuntamenti',
    categorySlug: 'servizi-al-cittadino',
    audience: ['citizens', 'families', 'businesses'],
    channels: ['online'],
    onlineAccessLevel: 2,
    featuredOrder: 6,
    it: {
      title: 'Prenotazione appuntamenti',
      summary: 'Prenota un appuntamento presso gli sportelli del Comune scegliendo sede, giorno e orario.',
      whoIsItFor:
        'A chi ha bisogno di recarsi a uno sportello comunale: anagrafe, tributi, servizi sociali e altri uffici.',
      howTo: [
        'Scegli il servizio e la sede.',
        'Seleziona giorno e orario tra quelli liberi.',
        'Conferma e ricevi il promemoria via email o SMS.',
      ],
      whatYouNeed: ['SPID o CIE, oppure un indirizzo email verificato.'],
      whatYouGet: 'La conferma della prenotazione con il codice da mostrare allo sportello.',
      timesAndDeadlines:
        'Puoi prenotare fino a 60 giorni prima e annullare fino a 24 ore prima dell’appuntamento.',
      access: { url: '/appuntamenti/nuovo', label: 'Prenota un appuntamento' },
      conditions:
        'Chi non si presenta senza annullare per tre volte in sei mesi non può prenotare per 30 giorni.',
      contacts: citizenRelations.it,
    },
    en: {
      title: 'Booking appointments',
      summary: 'Book an appointment at a City counter, choosing the office, the day and the time.',
      whoIsItFor:
        'Anyone who needs to visit a City counter: registry, taxes, social services and other offices.',
      howTo: [
        'Choose the service and the office.',
        'Pick a free day and time.',
        'Confirm and get a reminder by email or text message.',
      ],
      whatYouNeed: ['SPID or CIE, or a verified email address.'],
      whatYouGet: 'A booking confirmation with the code to show at the counter.',
      timesAndDeadlines: 'You can book up to 60 days ahead and cancel up to 24 hours before the appointment.',
      access: { url: '/appuntamenti/nuovo', label: 'Book an appointment' },
      conditions:
        'Three missed appointments without cancelling within six months block new bookings for 30 days.',
      contacts: citizenRelations.en,
    },
  },
  {
    slug: 'segnalazioni',
    categorySlug: 'vita-in-citta',
    audience: ['citizens', 'businesses', 'visitors'],
    channels: ['online'],
    onlineAccessLevel: null,
    it: {
      title: 'Segnalazioni',
      summary:
        'Segnala un disservizio in città: buche, illuminazione pubblica, rifiuti abbandonati, verde e arredo urbano.',
      whoIsItFor: 'A chiunque noti un problema su strade, piazze, parchi o servizi pubblici della città.',
      howTo: [
        'Indica il luogo sulla mappa.',
        'Descrivi il problema e aggiungi fino a tre foto.',
        'Invia e segui lo stato della segnalazione.',
      ],
      whatYouNeed: ['SPID o CIE, oppure un indirizzo email che verificheremo.'],
      whatYouGet: 'Un numero di segnalazione e gli aggiornamenti fino alla risoluzione.',
      timesAndDeadlines:
        'La segnalazione è presa in carico entro 2 giorni lavorativi; i tempi di intervento dipendono dal tipo di problema.',
      access: { url: '/segnalazioni/nuova', label: 'Fai una segnalazione' },
      conditions:
        'Per le emergenze chiama il 112. Le foto non devono ritrarre persone riconoscibili né targhe.',
      contacts: citizenRelations.it,
    },
    en: {
      title: 'Reporting a problem',
      summary:
        'Report a problem in the city: potholes, street lighting, dumped waste, parks and street furniture.',
      whoIsItFor: 'Anyone who notices a problem on the city’s streets, squares, parks or public services.',
      howTo: [
        'Mark the place on the map.',
        'Describe the problem and add up to three photos.',
        'Send it and follow its progress.',
      ],
      whatYouNeed: ['SPID or CIE, or an email address we will verify.'],
      whatYouGet: 'A report number and updates until the problem is solved.',
      timesAndDeadlines:
        'Reports are taken in hand within 2 working days; repair times depend on the kind of problem.',
      access: { url: '/segnalazioni/nuova', label: 'Report a problem' },
      conditions: 'For emergencies call 112. Photos must not show recognisable people or number plates.',
      contacts: citizenRelations.en,
    },
  },
  {
    slug: 'iscrizione-servizi-scolastici',
    categorySlug: 'educazione-e-formazione',
    audience: ['families', 'students'],
    channels: ['online'],
    onlineAccessLevel: 2,
    it: {
      title: 'Iscrizione ai servizi scolastici e alla refezione',
      summary:
        'Iscrivi i figli a refezione scolastica, pre e post scuola e centri estivi, e chiedi la riduzione della retta.',
      whoIsItFor:
        'Ai genitori e tutori di bambini e ragazzi che frequentano nidi, scuole dell’infanzia, primarie e secondarie di primo grado.',
      howTo: [
        'Accedi con SPID o CIE come genitore.',
        'Scegli il servizio e il figlio da iscrivere.',
        'Indica diete speciali e allega l’ISEE se chiedi la riduzione.',
      ],
      whatYouNeed: [
        'Identità digitale del genitore.',
        'L’attestazione ISEE in corso di validità, per le tariffe ridotte.',
        'Il certificato medico per le diete sanitarie.',
      ],
      whatYouGet: 'L’iscrizione al servizio e la tariffa applicata, visibili nell’area personale.',
      timesAndDeadlines:
        'Le iscrizioni per l’anno scolastico sono aperte da maggio a fine giugno; i centri estivi da marzo.',
      access: { url: '/area-personale/scuola', label: 'Iscrivi ai servizi scolastici' },
      conditions: STANDARD_CONDITIONS.it,
      contacts: schools.it,
    },
    en: {
      title: 'School services and school meals enrolment',
      summary:
        'Enrol your children in school meals, before and after school care and summer camps, and ask for reduced fees.',
      whoIsItFor:
        'Parents and guardians of children attending nurseries, pre-schools, primary and lower secondary schools.',
      howTo: [
        'Sign in with SPID or CIE as the parent.',
        'Choose the service and the child to enrol.',
        'State special diets and attach your ISEE if you ask for a reduction.',
      ],
      whatYouNeed: [
        'The parent’s digital identity.',
        'A valid ISEE statement, for reduced fees.',
        'A medical certificate for health-related diets.',
      ],
      whatYouGet: 'The enrolment and the fee applied, shown in your personal area.',
      timesAndDeadlines:
        'Enrolment for the school year opens in May and closes at the end of June; summer camps open in March.',
      access: { url: '/area-personale/scuola', label: 'Enrol in school services' },
      conditions: STANDARD_CONDITIONS.en,
      contacts: schools.en,
    },
  },
  {
    slug: 'biblioteche',
    categorySlug: 'cultura-e-tempo-libero',
    audience: ['citizens', 'students', 'visitors'],
    channels: ['online', 'counter'],
    onlineAccessLevel: null,
    it: {
      title: 'Biblioteche civiche',
      summary:
        'Iscriviti alle biblioteche civiche, cerca nel catalogo, prenota e rinnova i prestiti di libri, film ed ebook.',
      whoIsItFor:
        'A chiunque, residente o no, di ogni età: i minori di 14 anni con l’assenso di un genitore.',
      howTo: [
        'Iscriviti online o in una qualsiasi biblioteca.',
        'Cerca nel catalogo e prenota.',
        'Ritira il prestito nella biblioteca scelta.',
      ],
      whatYouNeed: ['Un documento d’identità e il codice fiscale.'],
      whatYouGet: 'La tessera della biblioteca, valida in tutte le sedi e per il prestito digitale.',
      timesAndDeadlines:
        'Il prestito dura 30 giorni ed è rinnovabile una volta, se nessuno ha prenotato il titolo.',
      access: { url: 'https://biblioteche.comune.example.it', label: 'Vai al catalogo delle biblioteche' },
      conditions:
        'L’iscrizione e il prestito sono gratuiti. Chi restituisce in ritardo è sospeso per tanti giorni quanti quelli di ritardo.',
      contacts: libraries.it,
    },
    en: {
      title: 'City libraries',
      summary:
        'Join the city libraries, search the catalogue, reserve and renew loans of books, films and e-books.',
      whoIsItFor: 'Anyone, resident or not, of any age: children under 14 with a parent’s consent.',
      howTo: [
        'Join online or at any library.',
        'Search the catalogue and reserve.',
        'Collect the loan at the library you chose.',
      ],
      whatYouNeed: ['An identity document and your tax code.'],
      whatYouGet: 'A library card valid at every branch and for digital lending.',
      timesAndDeadlines: 'Loans last 30 days and can be renewed once if nobody has reserved the title.',
      access: { url: 'https://biblioteche.comune.example.it', label: 'Go to the library catalogue' },
      conditions:
        'Membership and loans are free. Late returns suspend borrowing for as many days as the delay.',
      contacts: libraries.en,
    },
  },
  {
    slug: 'concorsi-pubblici',
    categorySlug: 'lavoro-e-concorsi',
    audience: ['citizens', 'students'],
    channels: ['online'],
    onlineAccessLevel: 2,
    it: {
      title: 'Concorsi pubblici',
      summary: 'Consulta i bandi di concorso del Comune e presenta la domanda di partecipazione online.',
      whoIsItFor:
        'A chi ha i requisiti indicati nel bando: cittadinanza, titolo di studio ed eventuali abilitazioni.',
      howTo: [
        'Leggi il bando e verifica i requisiti.',
        'Accedi con SPID o CIE e compila la domanda.',
        'Paga la tassa di concorso con pagoPA e invia.',
      ],
      whatYouNeed: [
        'Identità digitale SPID o CIE.',
        'Il curriculum e i titoli richiesti dal bando.',
        'Un indirizzo PEC o email per le comunicazioni.',
      ],
      whatYouGet: 'La ricevuta di partecipazione con il numero di protocollo della domanda.',
      timesAndDeadlines: 'Ogni bando indica la scadenza: di norma 30 giorni dalla pubblicazione.',
      access: { url: 'https://www.comune.example.it/concorsi', label: 'Vedi i bandi aperti' },
      conditions: STANDARD_CONDITIONS.it,
      contacts: personnel.it,
    },
    en: {
      title: 'Public competitions',
      summary: 'Read the City’s job competition notices and apply online.',
      whoIsItFor:
        'Anyone meeting the requirements in the notice: citizenship, qualifications and any licences.',
      howTo: [
        'Read the notice and check the requirements.',
        'Sign in with SPID or CIE and fill in the application.',
        'Pay the competition fee through pagoPA and send.',
      ],
      whatYouNeed: [
        'A SPID or CIE digital identity.',
        'Your CV and the qualifications the notice asks for.',
        'A certified (PEC) or ordinary email address for communications.',
      ],
      whatYouGet: 'A receipt with the registry number of your application.',
      timesAndDeadlines: 'Each notice states its deadline, usually 30 days after publication.',
      access: { url: 'https://www.comune.example.it/concorsi', label: 'See open competitions' },
      conditions: STANDARD_CONDITIONS.en,
      contacts: personnel.en,
    },
  },
]
