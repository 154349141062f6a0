/** The uses of a service that can trigger a continuous satisfaction survey. */
export const SERVICE_USE_KINDS = [
  'appointment-served',
  'certificate-issued',
  'civil-status-certificate-issued',
  'residence-change',
  'tari-declaration',
  'ticket-resolved',
  'assistant-session',
] as const
export type ServiceUseKind = (typeof SERVICE_USE_KINDS)[number]
