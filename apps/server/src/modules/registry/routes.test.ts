import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession, createStaffSession, type TestSession } from '../../test/identity.js'
import { createHousehold, type TestHousehold } from '../../test/registry.js'

describe('operator look-up of a registered person', () => {
  let t: TestApp
  let household: TestHousehold
  let operator: TestSession

  beforeAll(async () => {
    t = await createTestApp({ work: false })
    household = await createHousehold(t.runtime.db)
    operator = await createStaffSession(t.runtime, { roles: ['operator'] })
  })
  afterAll(async () => {
    await t?.close()
  })

  const lookUp = (fiscalCode: string, headers: Record<string, string>, reason = 'telefonata 020202') =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/registry/persons/${fiscalCode}?reason=${encodeURIComponent(reason)}`,
      headers,
    })

  it('shows the person and household and writes the read to the audit log with the reason', async () => {
    const response = await lookUp(household.parent.fiscalCode.toLowerCase(), operator.headers)
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.person.fiscalCode).toBe(household.parent.fiscalCode)
    expect(body.household.map((p: { fiscalCode: string }) => p.fiscalCode).sort()).toEqual(
      [household.parent.fiscalCode, household.child.fiscalCode].sort(),
    )
    const audit = await t.runtime.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registry.person.lookup'), eq(auditLog.subjectId, household.parent.id)))
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorType: 'staff', actorId: operator.accountId })
    expect(audit[0]?.details).toMatchObject({ reason: 'telefonata 020202' })
  })

  it('needs a reason and a well-formed fiscal code', async () => {
    expect((await lookUp(household.parent.fiscalCode, operator.headers, 'x')).statusCode).toBe(400)
    const bad = await lookUp('NOTAFISCALCODE', operator.headers)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe('params.fiscalCode')
  })

  it('answers 404 for a person not in the registry', async () => {
    expect((await lookUp('RSSMRA80A01F205X', operator.headers)).statusCode).toBe(404)
  })

  it('is closed to citizens, even for themselves, and to analysts', async () => {
    const citizen = await createCitizenSession(t.runtime, { fiscalCode: household.parent.fiscalCode })
    expect((await lookUp(household.parent.fiscalCode, citizen.headers)).statusCode).toBe(403)
    const analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
    expect((await lookUp(household.parent.fiscalCode, analyst.headers)).statusCode).toBe(403)
    expect((await lookUp(household.parent.fiscalCode, {})).statusCode).toBe(401)
  })
})
