import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'staff.own-admin-role': 'Non puoi togliere a te stesso il ruolo di amministratore.',
  'staff.own-deactivation': 'Non puoi disattivare il tuo stesso account.',
  'staff.duplicate': 'Esiste già un operatore con questo identificativo o indirizzo e-mail.',
  'staff.team-duplicate': 'Esiste già un gruppo con questo codice.',
  'staff.unknown-teams': 'gruppi inesistenti: {codes}',
})

registerMessages('en', {
  'staff.own-admin-role': 'You cannot remove your own administrator role.',
  'staff.own-deactivation': 'You cannot deactivate your own account.',
  'staff.duplicate': 'A staff member with this subject or e-mail address already exists.',
  'staff.team-duplicate': 'A team with this code already exists.',
  'staff.unknown-teams': 'unknown teams: {codes}',
})
