import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'assistant.greeting':
    'Ciao, sono l’assistente virtuale del Comune. Scrivimi la tua domanda: per esempio “Come rinnovo la carta d’identità?”.',
  'assistant.not-understood':
    'Non ho capito la domanda, o non ho ancora una risposta. Prova a dirla con altre parole, oppure chiedi di parlare con una persona.',
  'assistant.answer-intro': 'Ecco cosa ho trovato.',
  'assistant.bot-answer': 'Risposta: {question}',
  'assistant.bot-alternatives': 'Altre risposte proposte: {questions}',
  'assistant.session-missing': 'Questa conversazione non esiste o è scaduta: iniziane una nuova.',
  'assistant.question-missing': 'Questa risposta non esiste in questa conversazione.',
  'assistant.session-full':
    'La conversazione è troppo lunga: iniziane una nuova o chiedi di parlare con una persona.',
  'assistant.no-question': 'Scrivi che cosa ti serve, così l’operatore potrà aiutarti.',
  'assistant.entry-missing': 'Questa voce della base di conoscenza non esiste.',
  'assistant.synonym-missing': 'Questo gruppo di sinonimi non esiste.',
  'assistant.unknown-service':
    'Il servizio “{slug}” non esiste nel catalogo: controlla l’indirizzo della pagina.',
  'assistant.nothing-to-handle': 'Non ci sono domande senza risposta con questo testo.',
  'assistant.figures-range': 'Scegli un periodo dal mese iniziale a quello finale, di al massimo {max} mesi.',
  'assistant.contact-centre':
    'Per parlare con una persona accedi con SPID o CIE, oppure verifica il tuo indirizzo e-mail: apriremo una richiesta con questa conversazione. Puoi anche chiamare il {phone}.',
  'assistant.contact-centre-hours': 'dal lunedì al sabato, dalle 8 alle 20',
})

registerMessages('en', {
  'assistant.greeting':
    'Hello, I am the city’s virtual assistant. Type your question: for example “How do I renew my identity card?”.',
  'assistant.not-understood':
    'I did not understand the question, or I do not have an answer yet. Try other words, or ask to talk to a person.',
  'assistant.answer-intro': 'Here is what I found.',
  'assistant.bot-answer': 'Answer: {question}',
  'assistant.bot-alternatives': 'Other answers offered: {questions}',
  'assistant.session-missing': 'This conversation does not exist or has expired: start a new one.',
  'assistant.question-missing': 'This answer is not part of this conversation.',
  'assistant.session-full': 'This conversation is too long: start a new one or ask to talk to a person.',
  'assistant.no-question': 'Write what you need, so that an operator can help you.',
  'assistant.entry-missing': 'This knowledge base entry does not exist.',
  'assistant.synonym-missing': 'This synonym group does not exist.',
  'assistant.unknown-service': 'The service “{slug}” is not in the catalogue: check the page address.',
  'assistant.nothing-to-handle': 'There are no unanswered questions with this text.',
  'assistant.figures-range': 'Choose a period from the first month to the last, of at most {max} months.',
  'assistant.contact-centre':
    'To talk to a person, sign in with SPID or CIE or verify your e-mail address: we will open a request with this conversation. You can also call {phone}.',
  'assistant.contact-centre-hours': 'Monday to Saturday, 8 am to 8 pm',
})
