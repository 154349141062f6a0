/** The sections of the personal area, in the order of the municipal model. */
export const PERSONAL_AREA_SECTIONS = ['practices', 'payments', 'documents', 'messages', 'deadlines'] as const
export type PersonalAreaSection = (typeof PERSONAL_AREA_SECTIONS)[number]
