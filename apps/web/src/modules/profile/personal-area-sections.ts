/** The tabs of the personal home, as in Milan's Fascicolo: Notifiche · Appuntamenti · Pagamenti · Scadenze · Richieste. */
export const PERSONAL_AREA_SECTIONS = [
  'notifications',
  'appointments',
  'payments',
  'deadlines',
  'tickets',
] as const
export type PersonalAreaSection = (typeof PERSONAL_AREA_SECTIONS)[number]
