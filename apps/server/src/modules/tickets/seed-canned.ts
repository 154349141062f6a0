/** Ready answers of the demo, general or per detail, with placeholders. */
export const DEMO_CANNED: { category: string | null; title: string; it: string; en: string }[] = [
  {
    category: null,
    title: 'Presa in carico',
    it: 'Gentile {nome},\nabbiamo preso in carico la sua richiesta {codice} («{oggetto}»). Le risponderemo al più presto.\n\nCordiali saluti,\n{operatore}\n{città}',
    en: 'Dear {nome},\nwe have taken up your request {codice} ("{oggetto}"). We will answer as soon as possible.\n\nKind regards,\n{operatore}\n{città}',
  },
  {
    category: null,
    title: 'Richiesta di informazioni',
    it: 'Gentile {nome},\nper proseguire con la richiesta {codice} ci servono alcune informazioni: può rispondere a questo messaggio indicando ',
    en: 'Dear {nome},\nto go on with request {codice} we need some information: please answer this message telling us ',
  },
  {
    category: 'residenza-pratica',
    title: 'Pratica di residenza in istruttoria',
    it: 'Gentile {nome},\nla sua pratica di residenza è in istruttoria: entro 45 giorni la Polizia locale verificherà la dimora abituale. Non serve altro da parte sua.\n\n{operatore}\n{città}',
    en: 'Dear {nome},\nyour residence application is being examined: within 45 days the local police will check your usual abode. Nothing else is needed from you.\n\n{operatore}\n{città}',
  },
  {
    category: 'tari-avviso',
    title: 'Avviso TARI: come pagare',
    it: 'Gentile {nome},\nl’avviso TARI si paga con pagoPA dalla sua area personale, alla sezione Pagamenti, oppure presso banche, uffici postali e tabaccherie aderenti.\n\n{operatore}\n{città}',
    en: 'Dear {nome},\nthe TARI notice can be paid with pagoPA from your personal area, in the Payments section, or at participating banks, post offices and tobacconists.\n\n{operatore}\n{città}',
  },
  {
    category: 'sindaco-proposta',
    title: 'Risposta del Sindaco: ringraziamento',
    it: 'Gentile {nome},\nla ringrazio per la sua proposta «{oggetto}». L’ho inoltrata agli uffici competenti, che la valuteranno con attenzione.\n\nUn cordiale saluto,\nla segreteria del Sindaco – {città}',
    en: 'Dear {nome},\nthank you for your proposal "{oggetto}". I have passed it on to the offices concerned, who will consider it carefully.\n\nKind regards,\nthe Mayor’s office – {città}',
  },
]
