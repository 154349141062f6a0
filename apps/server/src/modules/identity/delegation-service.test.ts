import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../platform/clock.js'
import type { Actor, ServiceContext } from '../../platform/context.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { type CreatedMember, createHousehold } from '../../test/households.js'
import { createCitizenSession } from '../../test/identity.js'
import {
  createDelegation,
  effectiveActingFor,
  resolveFolderOwner,
  revokeDelegation,
} from './delegation-service.js'

const clock = manualClock('2026-05-10T08:00:00Z')

describe('whom a citizen acts for', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  function contextOf(actor: Actor): ServiceContext {
    return {
      db: t.runtime.db,
      jobs: t.runtime.jobs,
      clock,
      logger: t.runtime.logger,
      actor,
      meta: { ip: null, requestId: null, locale: 'it' },
    }
  }

  async function citizen(person: CreatedMember, onBehalfOf?: string): Promise<Actor> {
    const session = await createCitizenSession(t.runtime, {
      fiscalCode: person.fiscalCode,
      personId: person.id,
    })
    return {
      type: 'citizen',
      id: session.accountId,
      fiscalCode: person.fiscalCode,
      level: 2,
      personId: person.id,
      ...(onBehalfOf ? { onBehalfOf } : {}),
    }
  }

  it('follows a delegation while in force, within its scopes', async () => {
    const [delegator] = (await createHousehold(t.runtime.db, [
      { relationship: 'head', birthDate: '1948-01-20' },
    ])) as [CreatedMember]
    const [delegate] = (await createHousehold(t.runtime.db, [
      { relationship: 'head', birthDate: '1979-11-02' },
    ])) as [CreatedMember]
    const delegation = await createDelegation(contextOf(await citizen(delegator)), {
      delegateFiscalCode: delegate.fiscalCode,
      scopes: ['certificates'],
      validUntil: '2026-05-20',
    })
    const acting = await citizen(delegate, delegator.fiscalCode)
    expect(await effectiveActingFor(contextOf(acting), acting)).toMatchObject({
      basis: 'delegation',
      fiscalCode: delegator.fiscalCode,
      scopes: ['certificates'],
    })
    expect(await resolveFolderOwner(contextOf(acting), acting, 'certificates')).toMatchObject({
      fiscalCode: delegator.fiscalCode,
    })
    await expect(resolveFolderOwner(contextOf(acting), acting, 'payments')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })

    const herself = await citizen(delegate)
    expect(await effectiveActingFor(contextOf(herself), herself)).toBeNull()
    expect(await resolveFolderOwner(contextOf(herself), herself, 'payments')).toEqual({
      fiscalCode: delegate.fiscalCode,
      representation: null,
    })

    // 20 May ends at 22:00 UTC (midnight in Rome, summer time).
    clock.set('2026-05-20T21:59:00Z')
    expect(await effectiveActingFor(contextOf(acting), acting)).not.toBeNull()
    clock.set('2026-05-20T22:00:00Z')
    expect(await effectiveActingFor(contextOf(acting), acting)).toBeNull()
    expect(await resolveFolderOwner(contextOf(acting), acting, 'certificates')).toMatchObject({
      fiscalCode: delegate.fiscalCode,
    })
    clock.set('2026-05-10T08:00:00Z')
    await revokeDelegation(contextOf(await citizen(delegator)), delegation.id)
    expect(await effectiveActingFor(contextOf(acting), acting)).toBeNull()
  })

  it('follows a minor child until the 18th birthday', async () => {
    const [parent, child] = (await createHousehold(t.runtime.db, [
      { relationship: 'head', birthDate: '1975-03-03' },
      { relationship: 'child', birthDate: '2008-05-11' },
    ])) as [CreatedMember, CreatedMember]
    const acting = await citizen(parent, child.fiscalCode)
    expect(await effectiveActingFor(contextOf(acting), acting)).toMatchObject({ basis: 'minor-child' })
    clock.set('2026-05-10T21:59:00Z') // 23:59 in Rome, the eve of the birthday
    expect(await effectiveActingFor(contextOf(acting), acting)).not.toBeNull()
    clock.set('2026-05-10T22:00:00Z')
    expect(await effectiveActingFor(contextOf(acting), acting)).toBeNull()
    clock.set('2026-05-10T08:00:00Z')
  })

  it('never represents anyone for staff or anonymous callers', async () => {
    expect(await effectiveActingFor(contextOf({ type: 'anonymous' }), { type: 'anonymous' })).toBeNull()
  })
})
