import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'tickets.closed-write-new':
    'Questa richiesta è chiusa e non si può più riaprire: scrivi una nuova richiesta citando il codice di quella vecchia.',
  'tickets.missing': 'Questa richiesta non esiste o non è tra quelle dei tuoi gruppi di lavoro.',
  'tickets.stale':
    'Nel frattempo qualcun altro ha modificato questa richiesta: ricarica la pagina e controlla prima di riprovare.',
  'tickets.transition-refused': 'Da questo stato la richiesta non può passare a quello scelto.',
  'tickets.resolve-needs-reply':
    'Per risolvere la richiesta serve almeno una risposta al cittadino o una nota di risoluzione.',
  'tickets.not-open': 'Questa richiesta è già risolta o chiusa: riaprila prima di lavorarla.',
  'tickets.closed': 'Questa richiesta è chiusa: non si può più modificare.',
  'tickets.already-assigned': 'Questa richiesta è già stata presa in carico da un altro operatore.',
  'tickets.assignee-not-member':
    'La persona scelta non è un operatore attivo del gruppo di lavoro della richiesta.',
  'tickets.operator-assigns-own-team':
    'Un operatore può assegnare una richiesta solo ai colleghi del proprio gruppo di lavoro.',
  'tickets.forward-same-team': 'La richiesta è già di questo gruppo di lavoro.',
  'tickets.team-unknown': 'Il gruppo di lavoro indicato non esiste.',
  'tickets.category-unknown': 'La classificazione scelta non esiste o non è attiva.',
  'tickets.category-not-detail': 'Scegli un dettaglio, cioè il terzo livello della classificazione.',
  'tickets.merge-self': 'Una richiesta non può essere unita a se stessa.',
  'tickets.merge-other-contact': 'Le due richieste sono di persone diverse: solo un supervisore può unirle.',
  'tickets.merge-closed': 'Una delle due richieste è già chiusa o unita a un’altra.',
  'tickets.supervisors-only': 'Questa operazione è riservata ai supervisori.',
  'tickets.bad-cursor': 'Il segnaposto della pagina non è valido: ricomincia dalla prima pagina.',
  'tickets.category-code-taken': 'Esiste già una voce della classificazione con questo codice.',
  'tickets.category-parent':
    'La voce superiore non esiste o non è del livello giusto: un argomento sta sotto un’area, un dettaglio sotto un argomento.',
  'tickets.category-routing':
    'Un dettaglio richiede il gruppo di lavoro e i tempi di prima risposta e di risoluzione.',
  'tickets.category-missing': 'Questa voce della classificazione non esiste.',
  'tickets.canned-missing': 'Questa risposta predefinita non esiste o non è attiva.',
  'tickets.bad-period': 'Il periodo non è valido: l’inizio deve precedere la fine, per al massimo un anno.',
})

registerMessages('en', {
  'tickets.closed-write-new':
    'This request is closed and can no longer be reopened: write a new request quoting the old one’s code.',
  'tickets.missing': 'This request does not exist or is not one of your teams’.',
  'tickets.stale':
    'Someone else has changed this request meanwhile: reload the page and check before trying again.',
  'tickets.transition-refused': 'From its current status the request cannot move to the one chosen.',
  'tickets.resolve-needs-reply':
    'To resolve the request it needs at least one reply to the citizen or a resolution note.',
  'tickets.not-open': 'This request is already resolved or closed: reopen it before working on it.',
  'tickets.closed': 'This request is closed: it can no longer be changed.',
  'tickets.already-assigned': 'Another operator has already taken this request.',
  'tickets.assignee-not-member': 'The person chosen is not an active operator of the request’s team.',
  'tickets.operator-assigns-own-team':
    'An operator can assign a request only to colleagues of their own team.',
  'tickets.forward-same-team': 'The request already belongs to this team.',
  'tickets.team-unknown': 'The team given does not exist.',
  'tickets.category-unknown': 'The classification chosen does not exist or is not active.',
  'tickets.category-not-detail': 'Choose a detail, the third level of the classification.',
  'tickets.merge-self': 'A request cannot be merged into itself.',
  'tickets.merge-other-contact':
    'The two requests are from different people: only a supervisor can merge them.',
  'tickets.merge-closed': 'One of the two requests is already closed or merged into another.',
  'tickets.supervisors-only': 'Only supervisors can do this.',
  'tickets.bad-cursor': 'The page marker is not valid: start again from the first page.',
  'tickets.category-code-taken': 'A classification entry with this code already exists.',
  'tickets.category-parent':
    'The parent entry does not exist or is not of the right level: a topic goes under an area, a detail under a topic.',
  'tickets.category-routing': 'A detail needs its team and its first-response and resolution times.',
  'tickets.category-missing': 'This classification entry does not exist.',
  'tickets.canned-missing': 'This canned reply does not exist or is not active.',
  'tickets.bad-period': 'The period is not valid: the start must come before the end, a year at most.',
})
