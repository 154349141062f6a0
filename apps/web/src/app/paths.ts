/** Addresses of the pages other modules link to, in one place so a rename cannot leave a dead link. */
export const LOGIN_PATH = '/login'
export const PERSONAL_AREA_PATH = '/area-personale'
export const PROFILE_PATH = `${PERSONAL_AREA_PATH}/profilo`
export const PAYMENTS_PATH = `${PERSONAL_AREA_PATH}/pagamenti`
export const BACK_OFFICE_PATH = '/backoffice'
export const BACK_OFFICE_FOLDER_PATH = `${BACK_OFFICE_PATH}/fascicolo`
export const BACK_OFFICE_SERVICES_PATH = `${BACK_OFFICE_PATH}/servizi`
export const BACK_OFFICE_RULES_PATH = `${BACK_OFFICE_PATH}/regole-notifiche`
export const BACK_OFFICE_STAFF_PATH = `${BACK_OFFICE_PATH}/operatori`
export const BACK_OFFICE_TEAMS_PATH = `${BACK_OFFICE_PATH}/team`
export const BACK_OFFICE_API_CLIENTS_PATH = `${BACK_OFFICE_PATH}/client-api`
export const FOLDER_PATH = `${PERSONAL_AREA_PATH}/fascicolo`
export const FAMILY_PATH = `${PERSONAL_AREA_PATH}/familiari`
export const DEADLINES_PATH = `${PERSONAL_AREA_PATH}?sezione=deadlines`
export const WRITE_TO_CITY_PATH = '/scrivi'
export const WRITE_REQUEST_PATH = `${WRITE_TO_CITY_PATH}/nuova-richiesta`
export const WRITE_TO_MAYOR_PATH = `${WRITE_TO_CITY_PATH}/sindaco`
export const TICKETS_SECTION_PATH = `${PERSONAL_AREA_PATH}?sezione=tickets`
/** The page of one request; the city's e-mails and notifications link here. */
export const ticketPath = (code: string) => `${PERSONAL_AREA_PATH}/richieste/${encodeURIComponent(code)}`
export const NOTIFICATIONS_PATH = `${PERSONAL_AREA_PATH}/notifiche`
export const NEWSLETTER_PATH = '/informami'
export const BACK_OFFICE_NEWSLETTER_PATH = `${BACK_OFFICE_PATH}/informami`
export const BOOK_APPOINTMENT_PATH = '/prenota-appuntamento'
export const APPOINTMENTS_SECTION_PATH = `${PERSONAL_AREA_PATH}?sezione=appointments`
export const manageAppointmentPath = (code: string) => `/appuntamenti/gestisci/${encodeURIComponent(code)}`
export const BACK_OFFICE_COUNTER_DESK_PATH = `${BACK_OFFICE_PATH}/sportello`
export const OFFICE_DISPLAY_PATH = '/tabellone'
export const BACK_OFFICE_APPOINTMENTS_ADMIN_PATH = `${BACK_OFFICE_PATH}/appuntamenti`
export const BACK_OFFICE_CONTACT_CENTRE_BOOKING_PATH = `${BACK_OFFICE_PATH}/prenotazioni-020202`
export const BACK_OFFICE_TICKETS_PATH = `${BACK_OFFICE_PATH}/richieste`
export const backOfficeTicketPath = (code: string) =>
  `${BACK_OFFICE_TICKETS_PATH}/${encodeURIComponent(code)}`
export const BACK_OFFICE_CITIZENS_PATH = `${BACK_OFFICE_PATH}/cittadini`
export const backOfficeCitizenPath = (fiscalCode: string) =>
  `${BACK_OFFICE_CITIZENS_PATH}/${encodeURIComponent(fiscalCode)}`
export const BACK_OFFICE_NEW_CALL_PATH = `${BACK_OFFICE_PATH}/chiamate/nuova`
export const BACK_OFFICE_CRM_DASHBOARD_PATH = `${BACK_OFFICE_PATH}/crm`
export const REPORTS_PATH = '/segnalazioni'
export const NEW_REPORT_PATH = `${REPORTS_PATH}/nuova`
/** A report's public page; its number is on the confirmation and in the city's e-mails. */
export const reportPath = (code: string) => `${REPORTS_PATH}/${encodeURIComponent(code)}`
