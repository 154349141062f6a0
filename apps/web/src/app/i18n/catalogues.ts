import enCore from './en.json'
import enAccount from './en-account.json'
import enAppointments from './en-appointments.json'
import enAppointmentsAdmin from './en-appointments-admin.json'
import enAppointmentsDesk from './en-appointments-desk.json'
import enAssistant from './en-assistant.json'
import enBackOffice from './en-back-office.json'
import enCertificates from './en-certificates.json'
import enCrm from './en-crm.json'
import enDeadlines from './en-deadlines.json'
import enFolder from './en-folder.json'
import enNewsletter from './en-newsletter.json'
import enPaymentsDesk from './en-payments-desk.json'
import enReports from './en-reports.json'
import enTickets from './en-tickets.json'
import itCore from './it.json'
import itAccount from './it-account.json'
import itAppointments from './it-appointments.json'
import itAppointmentsAdmin from './it-appointments-admin.json'
import itAppointmentsDesk from './it-appointments-desk.json'
import itAssistant from './it-assistant.json'
import itBackOffice from './it-back-office.json'
import itCertificates from './it-certificates.json'
import itCrm from './it-crm.json'
import itDeadlines from './it-deadlines.json'
import itFolder from './it-folder.json'
import itNewsletter from './it-newsletter.json'
import itPaymentsDesk from './it-payments-desk.json'
import itReports from './it-reports.json'
import itTickets from './it-tickets.json'

/**
 * One catalogue per language, kept in a few files so each stays short: the site (`it.json`), the
 * citizen's account and sign-in (`it-account.json`), appointments for citizens, at the counter and in administration (`it-appointments*.json`), the back office (`it-back-office.json`), registry certificates (`it-certificates.json`), the CRM console and dashboard (`it-crm.json`), deadlines (`it-deadlines.json`), the citizen folder (`it-folder.json`), the newsletter (`it-newsletter.json`), the payments office (`it-payments-desk.json`), the citizen's requests to the city (`it-tickets.json`).
 * Their top-level keys never overlap, so spreading them keeps every key.
 */
export const it = {
  ...itCore,
  ...itAccount,
  ...itAssistant,
  ...itAppointments,
  ...itAppointmentsAdmin,
  ...itAppointmentsDesk,
  ...itBackOffice,
  ...itCertificates,
  ...itCrm,
  ...itDeadlines,
  ...itFolder,
  ...itNewsletter,
  ...itPaymentsDesk,
  ...itReports,
  ...itTickets,
}
export const en = {
  ...enCore,
  ...enAccount,
  ...enAssistant,
  ...enAppointments,
  ...enAppointmentsAdmin,
  ...enAppointmentsDesk,
  ...enBackOffice,
  ...enCertificates,
  ...enCrm,
  ...enDeadlines,
  ...enFolder,
  ...enNewsletter,
  ...enPaymentsDesk,
  ...enReports,
  ...enTickets,
}
