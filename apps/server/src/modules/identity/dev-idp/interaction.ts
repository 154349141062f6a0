import type { FastifyReply, FastifyRequest } from 'fastify'
import type { InteractionResults, Provider } from 'oidc-provider'
import type { Database } from '../../../db/client.js'
import type { Clock } from '../../../platform/clock.js'
import { findStaffBySubject } from '../login-repo.js'
import {
  authenticationFor,
  CITIZEN_SUBJECT_PREFIX,
  type CitizenTestIdentity,
  citizenClaims,
  type DevAccountStore,
  findCitizenIdentity,
  levelChoiceFor,
  listResidentIdentities,
  listStaffIdentities,
  PUBLIC_SPID_IDENTITIES,
  parseLevelChoice,
  staffClaims,
} from './identities.js'
import { renderCitizenPage, renderMessagePage, renderStaffPage } from './pages.js'

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>
type Query = Record<string, string>

export interface InteractionDeps {
  provider: Provider
  accounts: DevAccountStore
  db: Database
  clock: Clock
  citizenClientId: string
  fiscalCodeClaim: string
}

/** One value per field: a repeated query parameter keeps its first value. */
function readQuery(request: FastifyRequest): Query {
  const query: Query = {}
  for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value
    if (typeof first === 'string') query[name] = first.slice(0, 300)
  }
  return query
}

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html)
}

function expiredPage(reply: FastifyReply) {
  return sendPage(
    reply,
    400,
    renderMessagePage(
      'Richiesta di accesso scaduta',
      'Questa richiesta di accesso è scaduta o è già stata completata. Torna al sito del Comune e accedi di nuovo.',
      'This sign-in request expired or was already completed. Go back to the city website and sign in again.',
    ),
  )
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * The identity typed in the "someone else" form. The fiscal code is deliberately not validated:
 * the point of the form is also to see how Civico copes with a provider sending a bad one.
 */
function typedCitizen(query: Query): CitizenTestIdentity | string {
  const fiscalCode = (query.fiscalCode ?? '')
    .trim()
    .toUpperCase()
    .replace(/^TINIT-/, '')
  const givenName = (query.givenName ?? '').trim()
  const familyName = (query.familyName ?? '').trim()
  if (!/^[A-Z0-9]{1,16}$/.test(fiscalCode) || !givenName || !familyName) {
    return 'Inserisci codice fiscale (fino a 16 lettere e cifre), nome e cognome. / Enter a fiscal code (up to 16 letters and digits), given and family name.'
  }
  const birthDate = (query.birthDate ?? '').trim()
  const email = (query.email ?? '').trim()
  if ((birthDate && !ISO_DATE.test(birthDate)) || (email && !email.includes('@'))) {
    return 'Controlla data di nascita ed e-mail. / Check the birth date and e-mail.'
  }
  return {
    fiscalCode,
    givenName: givenName.slice(0, 80),
    familyName: familyName.slice(0, 80),
    birthDate: birthDate || null,
    email: email || null,
    emailVerified: query.emailVerified === 'true',
    note: 'inserita a mano',
  }
}

export function interactionHandlers(deps: InteractionDeps) {
  const today = () => deps.clock.now().toISOString().slice(0, 10)

  /** The interaction of this browser (from the provider's cookie), if it is the one in the address. */
  async function loadInteraction(request: FastifyRequest, reply: FastifyReply): Promise<Interaction | null> {
    const { uid } = request.params as { uid: string }
    try {
      const interaction = await deps.provider.interactionDetails(request.raw, reply.raw)
      return interaction.uid === uid ? interaction : null
    } catch (error) {
      if ((error as Error).name === 'SessionNotFound') return null
      throw error
    }
  }

  const isCitizenClient = (interaction: Interaction) => interaction.params.client_id === deps.citizenClientId

  async function citizenPage(interaction: Interaction, error: string | null, typed?: Query) {
    return renderCitizenPage({
      uid: interaction.uid,
      selectedLevel: levelChoiceFor(interaction.params.acr_values as string | undefined),
      publicIdentities: PUBLIC_SPID_IDENTITIES,
      residents: await listResidentIdentities(deps.db, today()),
      error,
      typed,
    })
  }

  async function staffPage(error: string | null, uid: string, typed?: Query) {
    return renderStaffPage({ uid, staff: await listStaffIdentities(deps.db), error, typed })
  }

  /** The provider answers with a redirect written straight to the socket, so Fastify steps aside. */
  async function finish(request: FastifyRequest, reply: FastifyReply, result: InteractionResults) {
    reply.hijack()
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) reply.raw.setHeader(name, value)
    }
    reply.raw.setHeader('cache-control', 'no-store')
    await deps.provider.interactionFinished(request.raw, reply.raw, result, {
      mergeWithLastSubmission: false,
    })
  }

  async function signInCitizen(request: FastifyRequest, reply: FastifyReply, interaction: Interaction) {
    const query = readQuery(request)
    const level =
      parseLevelChoice(query.level) ?? levelChoiceFor(interaction.params.acr_values as string | undefined)
    const custom = query.identity === 'custom'
    const identity = custom
      ? typedCitizen(query)
      : ((await findCitizenIdentity(deps.db, (query.identity ?? '').toUpperCase())) ??
        'Scegli una delle persone elencate. / Choose one of the people listed.')
    if (typeof identity === 'string') {
      return sendPage(reply, 400, await citizenPage(interaction, identity, custom ? query : undefined))
    }
    const subject = `${CITIZEN_SUBJECT_PREFIX}${identity.fiscalCode}`
    deps.accounts.remember(subject, citizenClaims(identity, deps.fiscalCodeClaim))
    const { acr, amr } = authenticationFor(level)
    return finish(request, reply, { login: { accountId: subject, acr, amr, remember: false } })
  }

  async function signInStaff(request: FastifyRequest, reply: FastifyReply, interaction: Interaction) {
    const query = readQuery(request)
    let member: { subject: string; displayName: string; email: string } | null = null
    let error = 'Scegli un operatore dell’elenco. / Choose a staff member from the list.'
    if (query.identity === 'custom') {
      const subject = (query.subject ?? '').trim()
      error = 'Inserisci almeno l’identificativo. / Enter at least the subject.'
      if (subject) {
        const displayName = (query.displayName ?? '').trim() || subject
        member = { subject, displayName, email: (query.email ?? '').trim() }
      }
    } else if (query.identity) {
      member = await findStaffBySubject(deps.db, query.identity)
    }
    if (!member) {
      const typed = query.identity === 'custom' ? query : undefined
      return sendPage(reply, 400, await staffPage(error, interaction.uid, typed))
    }
    deps.accounts.remember(member.subject, staffClaims(member))
    return finish(request, reply, { login: { accountId: member.subject, amr: ['pwd'], remember: false } })
  }

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      const interaction = await loadInteraction(request, reply)
      if (!interaction) return expiredPage(reply)
      const html = isCitizenClient(interaction)
        ? await citizenPage(interaction, null)
        : await staffPage(null, interaction.uid)
      return sendPage(reply, 200, html)
    },

    async login(request: FastifyRequest, reply: FastifyReply) {
      const interaction = await loadInteraction(request, reply)
      if (!interaction) return expiredPage(reply)
      return isCitizenClient(interaction)
        ? signInCitizen(request, reply, interaction)
        : signInStaff(request, reply, interaction)
    },

    async abort(request: FastifyRequest, reply: FastifyReply) {
      const interaction = await loadInteraction(request, reply)
      if (!interaction) return expiredPage(reply)
      return finish(request, reply, {
        error: 'access_denied',
        error_description: 'The person cancelled the sign-in',
      })
    },
  }
}
