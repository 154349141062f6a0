/** Where a request reached the city. */
export const TICKET_CHANNELS = ['web', 'phone', 'email', 'social', 'chatbot', 'mayor', 'report'] as const
export type TicketChannel = (typeof TICKET_CHANNELS)[number]

export const TICKET_STATUSES = [
  'new',
  'assigned',
  'in-progress',
  'waiting-citizen',
  'waiting-office',
  'resolved',
  'closed',
] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]
/** Statuses of a ticket nobody has finished with: the queues show these. */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'new',
  'assigned',
  'in-progress',
  'waiting-citizen',
  'waiting-office',
]

/** What one entry of a ticket's conversation is. */
export const MESSAGE_KINDS = [
  // Written by the citizen (web form, folder reply, e-mail, social, chatbot transcript).
  'inbound',
  // An operator's answer the citizen sees.
  'reply',
  // Staff only.
  'note',
] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export const TICKET_EVENT_KINDS = [
  'created',
  'status',
  'assigned',
  'forwarded',
  'merged',
  'categorised',
  'sla-warning',
  'sla-breached',
  'escalated',
  'reopened',
] as const
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number]

/** How an inbound call to the contact centre ended. */
export const CALL_OUTCOMES = ['solved', 'ticket', 'appointment', 'transferred', 'dropped'] as const
export type CallOutcome = (typeof CALL_OUTCOMES)[number]

/** The three levels of the classification triplet: area → topic → detail. */
export const CATEGORY_LEVELS = [1, 2, 3] as const

/** How the city handles a kind of request: the mayor's letters get their own tone and team. */
export const TICKET_PROCESSES = ['standard', 'mayor-letter', 'problem-report'] as const
export type TicketProcess = (typeof TICKET_PROCESSES)[number]

/**
 * Where a request nobody has classified yet goes (an e-mail, a social message): the contact
 * centre triages it, with these targets in business minutes until it gets a triplet.
 */
export const TRIAGE_TEAM = 'contact-center'
export const TRIAGE_TARGETS = { firstResponseMinutes: 8 * 60, resolutionMinutes: 5 * 9 * 60 } as const
/** An SLA clock warns the team when this share of its time is gone. */
export const SLA_WARNING_SHARE = 0.8
