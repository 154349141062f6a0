import { useQuery } from '@tanstack/react-query'
import { useSignedInSession } from '../../app/session/session-api'
import { staffQuery } from '../backoffice/staff-api'
import { useTeams } from '../backoffice/teams-api'
import { isCrmSupervisor } from './crm-roles'

/**
 * Team names from the staff directory, which supervisors may read; operators see the codes, which
 * are readable words too ("anagrafe", "contact-center").
 */
export function useTeamName() {
  const session = useSignedInSession()
  const teams = useTeams({ enabled: session ? isCrmSupervisor(session) : false })
  return (code: string): string => teams.data?.find((team) => team.code === code)?.name ?? code
}

/** The teams a supervisor oversees (all of them) or an operator's own: the queues and forwards offer these. */
export function useWorkableTeams(): { code: string; name: string }[] {
  const session = useSignedInSession()
  const supervisor = session ? isCrmSupervisor(session) : false
  const teams = useTeams({ enabled: supervisor })
  if (teams.data) return teams.data.map((team) => ({ code: team.code, name: team.name }))
  return (session?.teams ?? []).map((code) => ({ code, name: code }))
}

/**
 * The people a ticket of `teamCode` may be given to: active operators and supervisors of the team.
 * Only supervisors may read the directory; for operators the list is empty.
 */
export function useTeamMembers(teamCode: string) {
  const session = useSignedInSession()
  const staff = useQuery({ ...staffQuery, enabled: session ? isCrmSupervisor(session) : false })
  return {
    isPending: staff.isPending && staff.fetchStatus !== 'idle',
    members: (staff.data ?? []).filter(
      (member) =>
        member.active &&
        member.teams.some((team) => team.code === teamCode) &&
        (member.roles.includes('operator') || member.roles.includes('supervisor')),
    ),
  }
}
