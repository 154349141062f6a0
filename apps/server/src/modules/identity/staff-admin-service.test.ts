import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor, ServiceContext } from '../../platform/context.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createTeam, listStaff, seedStaff, updateStaff } from './staff-admin-service.js'

describe('staff administration use cases', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ work: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  function contextOf(actor: Actor): ServiceContext {
    return {
      db: t.runtime.db,
      jobs: t.runtime.jobs,
      clock: t.runtime.clock,
      logger: t.runtime.logger,
      actor,
      meta: { ip: null, requestId: null, locale: 'it' },
    }
  }

  const adminId = randomUUID()
  const system = () => contextOf({ type: 'system', name: 'seed' })
  const admin = () => contextOf({ type: 'staff', id: adminId, roles: ['admin'], teams: [] })

  it('seeds the dev staff and teams once, leaving later changes alone', async () => {
    await seedStaff(system())
    const again = await seedStaff(system())
    expect(again).toEqual({ teams: 0, staff: 0, memberships: 0 })

    const staff = await listStaff(admin())
    const bySubject = (subject: string) => staff.find((member) => member.subject === subject)
    // Team names are not compared: on the shared PostgreSQL test database other files' sessions
    // may have created these teams first.
    const teamCodes = (subject: string) => bySubject(subject)?.teams.map((team) => team.code)
    expect(bySubject('dev-operator')).toMatchObject({ roles: ['operator'], active: true })
    expect(teamCodes('dev-operator')).toEqual(['anagrafe', 'contact-center'])
    expect(bySubject('dev-supervisor')).toMatchObject({ roles: ['supervisor'] })
    expect(teamCodes('dev-supervisor')).toEqual(['contact-center'])
    expect(bySubject('dev-analyst')).toMatchObject({ roles: ['analyst'], teams: [] })
    expect(bySubject('dev-admin')).toMatchObject({ roles: ['admin'] })

    const analyst = bySubject('dev-analyst')!
    await updateStaff(admin(), analyst.id, { roles: ['analyst', 'supervisor'] })
    await seedStaff(system())
    expect((await listStaff(admin())).find((member) => member.id === analyst.id)?.roles).toEqual([
      'analyst',
      'supervisor',
    ])
  })

  it('refuses changes from anyone but an administrator', async () => {
    const supervisor = contextOf({ type: 'staff', id: randomUUID(), roles: ['supervisor'], teams: [] })
    await expect(createTeam(supervisor, { code: 'x-team', name: 'X' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(listStaff(supervisor)).resolves.toBeInstanceOf(Array)
    const operator = contextOf({ type: 'staff', id: randomUUID(), roles: ['operator'], teams: [] })
    await expect(listStaff(operator)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
