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
