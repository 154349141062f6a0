import type { AssistantAction } from './tables.js'

export interface SeedEntry {
  key: string
  topic: string
  questionIt: string
  questionEn: string
  phrasingsIt: string[]
  phrasingsEn: string[]
  answerIt: string
  answerEn: string
  serviceSlugs: string[]
  actions: AssistantAction[]
}

const book = (target: string): AssistantAction => ({ kind: 'appointment', target })
const pay = (target: string): AssistantAction => ({ kind: 'payment', target })
const certificate = (target: string): AssistantAction => ({ kind: 'certificate', target })

/** The questions the city's chatbot hears most, answered for a Milan-like city. */
export const SEED_ENTRIES: SeedEntry[] = [
  {
    key: 'cie-rinnovo',
    topic: 'documenti',
    questionIt: 'Come rinnovo la CIE?',
    questionEn: 'How do I renew my electronic identity card?',
    phrasingsIt: ['CIE scaduta o in scadenza', 'rifare il documento scaduto'],
    phrasingsEn: ['expired identity card', 'new ID card'],
    answerIt:
      'Puoi chiedere la nuova CIE fino a 180 giorni prima della scadenza. **Prenota un appuntamento** all’Anagrafe e porta una fototessera recente, il documento scaduto e la tessera sanitaria. Il costo è di 22,21 euro; la carta arriva a casa in circa 6 giorni lavorativi.',
    answerEn:
      'You can apply for a new card up to 180 days before it expires. **Book an appointment** at the registry office and bring a recent passport photo, the old card and your health card. It costs 22.21 euros; the card is posted to you in about 6 working days.',
    serviceSlugs: ['carta-identita-elettronica'],
    actions: [book('carta-identita-elettronica')],
  },
  {
    key: 'cie-smarrimento',
    topic: 'documenti',
    questionIt: 'Ho perso la CIE: cosa devo fare?',
    questionEn: 'I lost my identity card: what should I do?',
    phrasingsIt: ['CIE smarrita', 'CIE rubata', 'furto del documento'],
    phrasingsEn: ['stolen identity card', 'lost ID'],
    answerIt:
      'Denuncia lo smarrimento o il furto ai Carabinieri o alla Polizia, poi **prenota un appuntamento** per la nuova carta portando la denuncia, una fototessera e la tessera sanitaria.',
    answerEn:
      'Report the loss or theft to the Carabinieri or the police, then **book an appointment** for a new card with the police report, a passport photo and your health card.',
    serviceSlugs: ['carta-identita-elettronica'],
    actions: [book('carta-identita-elettronica')],
  },
  {
    key: 'certificati-online',
    topic: 'anagrafe',
    questionIt: 'Come scarico un certificato anagrafico online?',
    questionEn: 'How do I download a registry certificate online?',
    phrasingsIt: ['certificato di residenza', 'stato di famiglia', 'certificato anagrafico gratis'],
    phrasingsEn: ['residence certificate', 'family status certificate'],
    answerIt:
      'Accedi al Fascicolo del Cittadino con SPID o CIE e scegli **Certificati**: residenza, stato di famiglia, stato civile e gli altri certificati anagrafici si scaricano subito in PDF, con bollo o in esenzione se la legge la prevede.',
    answerEn:
      'Sign in to the citizen folder with SPID or CIE and choose **Certificates**: residence, family status, civil status and the other registry certificates download at once as a PDF, with stamp duty or exempt where the law allows.',
    serviceSlugs: ['certificati-anagrafici'],
    actions: [certificate('residenza'), certificate('stato-famiglia')],
  },
  {
    key: 'certificati-stato-civile',
    topic: 'anagrafe',
    questionIt: 'Dove trovo il certificato di nascita o di matrimonio?',
    questionEn: 'Where do I get a birth or marriage certificate?',
    phrasingsIt: ['estratto di nascita', 'certificato di matrimonio', 'atto di nascita'],
    phrasingsEn: ['birth certificate', 'marriage certificate'],
    answerIt:
      'I certificati di stato civile (nascita, matrimonio, morte) si scaricano dal Fascicolo del Cittadino se l’atto è registrato in città; altrimenti si chiedono al Comune dove è avvenuto l’evento.',
    answerEn:
      'Civil status certificates (birth, marriage, death) download from the citizen folder when the record is kept by the city; otherwise ask the town where the event took place.',
    serviceSlugs: ['certificati-di-stato-civile'],
    actions: [certificate('nascita')],
  },
  {
    key: 'cambio-residenza',
    topic: 'anagrafe',
    questionIt: 'Come faccio il cambio di residenza?',
    questionEn: 'How do I change my registered address?',
    phrasingsIt: [
      'trasferire la residenza',
      'mi sono trasferito in città',
      'cambio indirizzo dopo il trasloco',
    ],
    phrasingsEn: ['moving house', 'change of residence', 'register my new address'],
    answerIt:
      'Presenta la dichiarazione di residenza online entro 20 giorni dal trasloco, allegando un documento e il titolo di occupazione della casa (contratto d’affitto o atto di proprietà). La Polizia Locale verificherà l’indirizzo entro 45 giorni.',
    answerEn:
      'Submit the change of residence online within 20 days of moving, with an ID document and proof of your right to live there (lease or deed). The local police check the address within 45 days.',
    serviceSlugs: ['cambio-di-residenza'],
    actions: [{ kind: 'service', target: 'cambio-di-residenza' }],
  },
  {
    key: 'tari-pagamento',
    topic: 'tributi',
    questionIt: 'Come pago la TARI?',
    questionEn: 'How do I pay the waste tax (TARI)?',
    phrasingsIt: ['avviso TARI', 'scadenze TARI', 'rate TARI'],
    phrasingsEn: ['waste tax payment', 'TARI due dates'],
    answerIt:
      'L’avviso TARI arriva a casa e nel Fascicolo del Cittadino con gli avvisi pagoPA delle rate. Puoi pagare online con pagoPA, in banca, alle poste o dal tabaccaio; le rate scadono di solito a maggio, settembre e dicembre.',
    answerEn:
      'The TARI notice is posted to you and shown in the citizen folder with a pagoPA notice for each instalment. Pay online through pagoPA, at a bank, a post office or a tobacconist; instalments usually fall due in May, September and December.',
    serviceSlugs: ['tari-tassa-rifiuti', 'pagamenti-pagopa'],
    actions: [pay('tari')],
  },
  {
    key: 'tari-iscrizione',
    topic: 'tributi',
    questionIt: 'Devo iscrivermi alla TARI dopo il trasloco?',
    questionEn: 'Do I have to register for the waste tax after moving?',
    phrasingsIt: ['dichiarazione TARI nuova casa', 'cessazione TARI'],
    phrasingsEn: ['register for TARI', 'stop paying TARI'],
    answerIt:
      'Sì: entro 90 giorni dall’inizio dell’occupazione dell’immobile presenta la dichiarazione TARI online. La stessa procedura serve per la cessazione quando lasci la casa.',
    answerEn:
      'Yes: within 90 days of moving in, file the TARI declaration online. The same procedure ends the tax when you leave the home.',
    serviceSlugs: ['tari-tassa-rifiuti'],
    actions: [{ kind: 'service', target: 'tari-tassa-rifiuti' }],
  },
  {
    key: 'appuntamenti',
    topic: 'appuntamenti',
    questionIt: 'Come prenoto un appuntamento all’Anagrafe?',
    questionEn: 'How do I book an appointment at the registry office?',
    phrasingsIt: ['prenotare lo sportello', 'disdire un appuntamento', 'spostare la prenotazione'],
    phrasingsEn: ['cancel an appointment', 'book a counter'],
    answerIt:
      'Dal Fascicolo del Cittadino scegli il servizio, la sede e l’orario libero che preferisci. Puoi spostare o disdire la prenotazione fino al giorno prima; se non trovi posto iscriviti alla lista d’attesa.',
    answerEn:
      'In the citizen folder choose the service, the office and a free time. You can move or cancel the booking until the day before; if nothing is free, join the waiting list.',
    serviceSlugs: ['prenotazione-appuntamenti'],
    actions: [book('certificati-e-autentiche')],
  },
  {
    key: 'multe',
    topic: 'mobilita',
    questionIt: 'Come pago una multa?',
    questionEn: 'How do I pay a traffic fine?',
    phrasingsIt: [
      'pagare un verbale della Polizia Locale',
      'contestare una multa',
      'ricorso contro una sanzione',
    ],
    phrasingsEn: ['pay a parking ticket', 'appeal a fine'],
    answerIt:
      'Il verbale riporta il codice dell’avviso pagoPA: paga online o in banca, alle poste o dal tabaccaio. Entro 5 giorni dalla notifica paghi il 30% in meno. Per contestarla puoi fare ricorso al Prefetto entro 60 giorni o al Giudice di Pace entro 30.',
    answerEn:
      'The fine carries a pagoPA notice code: pay online, at a bank, a post office or a tobacconist. Within 5 days of notification you pay 30% less. To contest it, appeal to the Prefect within 60 days or to the Justice of the Peace within 30.',
    serviceSlugs: ['pagamenti-pagopa'],
    actions: [pay('multe')],
  },
  {
    key: 'area-b',
    topic: 'mobilita',
    questionIt: 'Posso entrare in Area B con la mia auto?',
    questionEn: 'Can I drive my car into Area B?',
    phrasingsIt: ['divieti Area B', 'deroghe Area B', 'Area B veicoli diesel'],
    phrasingsEn: ['Area B low emission zone', 'Area B exemptions'],
    answerIt:
      'Area B è la zona a traffico limitato che copre quasi tutta la città, attiva nei giorni feriali dalle 7:30 alle 19:30. I veicoli più inquinanti non possono entrare; controlla la tua targa e le deroghe nella pagina del servizio.',
    answerEn:
      'Area B is the low emission zone covering most of the city, active on weekdays from 7:30 to 19:30. The most polluting vehicles may not enter; check your plate and the exemptions on the service page.',
    serviceSlugs: ['area-b'],
    actions: [{ kind: 'service', target: 'area-b' }],
  },
  {
    key: 'area-c',
    topic: 'mobilita',
    questionIt: 'Come pago l’ingresso in Area C?',
    questionEn: 'How do I pay the Area C congestion charge?',
    phrasingsIt: ['ticket Area C', 'accesso al centro in auto', 'Area C residenti'],
    phrasingsEn: ['Area C ticket', 'congestion charge'],
    answerIt:
      'L’ingresso in Area C si paga con un ticket giornaliero attivato entro la mezzanotte del giorno successivo, online, con l’app o nei punti vendita. I residenti hanno 40 ingressi gratuiti all’anno.',
    answerEn:
      'Entering Area C needs a daily ticket, activated by midnight of the following day, online, in the app or at a shop. Residents have 40 free entries a year.',
    serviceSlugs: ['area-c'],
    actions: [{ kind: 'service', target: 'area-c' }],
  },
  {
    key: 'pagopa',
    topic: 'pagamenti',
    questionIt: 'Che cos’è un avviso pagoPA e come lo pago?',
    questionEn: 'What is a pagoPA notice and how do I pay it?',
    phrasingsIt: ['codice avviso', 'pagare il Comune online', 'ricevuta di pagamento'],
    phrasingsEn: ['notice code', 'pay the city online', 'payment receipt'],
    answerIt:
      'pagoPA è il sistema nazionale dei pagamenti alla pubblica amministrazione. Con il codice avviso e il codice fiscale dell’ente paghi online dal Fascicolo del Cittadino, dall’app IO, in banca o nei punti convenzionati; la ricevuta resta nel Fascicolo.',
    answerEn:
      'pagoPA is the national system for paying public bodies. With the notice code and the body’s tax code, pay online from the citizen folder, the IO app, a bank or an affiliated shop; the receipt stays in your folder.',
    serviceSlugs: ['pagamenti-pagopa'],
    actions: [pay('avviso')],
  },
  {
    key: 'spid',
    topic: 'accesso',
    questionIt: 'Come ottengo lo SPID?',
    questionEn: 'How do I get SPID?',
    phrasingsIt: ['credenziali SPID', 'attivare lo SPID', 'accedere ai servizi online'],
    phrasingsEn: ['SPID credentials', 'sign in to online services'],
    answerIt:
      'Lo SPID si richiede gratis a uno dei gestori di identità digitale accreditati, con un documento valido, la tessera sanitaria, un indirizzo e-mail e un cellulare. In alternativa accedi ai servizi del Comune con la CIE e l’app CieID.',
    answerEn:
      'Request SPID for free from one of the accredited digital identity providers, with a valid ID, your health card, an e-mail address and a mobile phone. Alternatively, sign in to the city’s services with your electronic identity card and the CieID app.',
    serviceSlugs: [],
    actions: [],
  },
  {
    key: 'accesso-cie',
    topic: 'accesso',
    questionIt: 'Posso accedere ai servizi online con la CIE?',
    questionEn: 'Can I sign in with my electronic identity card?',
    phrasingsIt: ['app CieID', 'PIN della CIE', 'accesso con CIE'],
    phrasingsEn: ['CieID app', 'identity card PIN'],
    answerIt:
      'Sì: installa l’app CieID, registra la carta con il PIN ricevuto al rilascio e scegli “Entra con CIE”. Se hai perso il PIN puoi recuperarlo con il PUK o all’Anagrafe.',
    answerEn:
      'Yes: install the CieID app, register the card with the PIN you received with it and choose “Sign in with CIE”. If you lost the PIN, recover it with the PUK or at the registry office.',
    serviceSlugs: ['carta-identita-elettronica'],
    actions: [],
  },
  {
    key: 'segnalazioni',
    topic: 'segnalazioni',
    questionIt: 'Come segnalo una buca o un lampione spento?',
    questionEn: 'How do I report a pothole or a broken street light?',
    phrasingsIt: ['segnalare un problema in strada', 'rifiuti abbandonati', 'marciapiede rotto'],
    phrasingsEn: ['report a problem in the street', 'dumped rubbish'],
    answerIt:
      'Fai una segnalazione online indicando il punto sulla mappa e, se puoi, una foto: la ricevi in carico con un numero e ne segui lo stato fino alla chiusura.',
    answerEn:
      'Send a report online, marking the place on the map and adding a photo if you can: you get a number and can follow it until it is closed.',
    serviceSlugs: ['segnalazioni'],
    actions: [{ kind: 'service', target: 'segnalazioni' }],
  },
]

/** Words citizens use for the same thing; staff add more from the unanswered questions. */
export const SEED_SYNONYMS: { key: string; language: 'it' | 'en'; terms: string[] }[] = [
  {
    key: 'it-cie',
    language: 'it',
    terms: [
      'CIE',
      'carta d’identità elettronica',
      'carta d’identità',
      'carta di identità',
      'documento d’identità',
    ],
  },
  {
    key: 'it-tari',
    language: 'it',
    terms: ['TARI', 'tassa rifiuti', 'tassa sui rifiuti', 'tassa della spazzatura'],
  },
  { key: 'it-anagrafe', language: 'it', terms: ['anagrafe', 'servizi anagrafici', 'ufficio anagrafe'] },
  { key: 'it-multa', language: 'it', terms: ['multa', 'contravvenzione', 'verbale', 'sanzione'] },
  {
    key: 'it-residenza',
    language: 'it',
    terms: ['cambio di residenza', 'trasloco', 'trasferimento di residenza'],
  },
  { key: 'it-prenotazione', language: 'it', terms: ['appuntamento', 'prenotazione'] },
  { key: 'it-spid', language: 'it', terms: ['SPID', 'identità digitale'] },
  { key: 'en-id', language: 'en', terms: ['identity card', 'ID card', 'ID'] },
  { key: 'en-tari', language: 'en', terms: ['waste tax', 'rubbish tax', 'TARI'] },
]
