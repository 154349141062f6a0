import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { type CreatedMember, createHousehold } from '../../test/households.js'
import { createCitizenSession, createStaffSession, type TestSession } from '../../test/identity.js'
import { addRecords, identityCard, libraryLoan } from '../../test/records.js'
import { delegations } from '../identity/tables.js'

const NOW = new Date('2026-03-15T10:00:00Z')

describe('the citizen folder', () => {
  let t: TestApp
  let parent: CreatedMember
  let spouse: CreatedMember
  let child: CreatedMember
  let otherChild: CreatedMember
  let parentSession: TestSession
  let cardId: string | undefined

  beforeAll(async () => {
    t = await createTestApp({ work: false, clock: manualClock(NOW) })
    ;[parent, spouse, child] = (await createHousehold(t.runtime.db, [
      { relationship: 'head', birthDate: '1980-02-02' },
      { relationship: 'spouse', birthDate: '1981-06-06' },
      { relationship: 'child', birthDate: '2015-09-01' },
    ])) as [CreatedMember, CreatedMember, CreatedMember]
    ;[, otherChild] = (await createHousehold(t.runtime.db, [
      { relationship: 'head', birthDate: '1975-01-01' },
      { relationship: 'child', birthDate: '2014-01-01' },
    ])) as [CreatedMember, CreatedMember]
    ;[cardId] = await addRecords(t.runtime.db, parent.id, [
      identityCard('2026-05-01'),
      identityCard('2016-05-01', 'AX1234567'),
      libraryLoan('2026-03-10'),
      libraryLoan('2026-03-01', '2026-02-28'),
      {
        kind: 'vehicle',
        reference: 'GH123KL',
        validFrom: '2020-01-01',
        details: { make: 'Fiat', model: 'Panda', fuel: 'petrol', euroClass: 6 },
      },
    ])
    await addRecords(t.runtime.db, spouse.id, [
      {
        kind: 'isee',
        reference: 'INPS-ISEE-2026-1',
        validFrom: '2026-01-20',
        validUntil: '2026-12-31',
        details: { type: 'ordinario', valueCents: 1_850_000, householdSize: 3 },
      },
    ])
    await addRecords(t.runtime.db, child.id, [
      {
        kind: 'school-enrolment',
        reference: '2025/2026',
        validFrom: '2025-09-01',
        validUntil: '2026-06-30',
        details: { level: 'primaria', schoolName: 'Scuola primaria Via Dante', classLabel: '5ª B' },
      },
    ])
    parentSession = await createCitizenSession(t.runtime, {
      fiscalCode: parent.fiscalCode,
      personId: parent.id,
    })
  })
  afterAll(async () => {
    await t?.close()
  })

  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers })

  it('shows the home summary: section counts and deadlines, soonest first', async () => {
    const response = await get('/api/v1/folder/summary', parentSession.headers)
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    const body = response.json()
    expect(body.owner).toMatchObject({ fiscalCode: parent.fiscalCode, registered: true, basis: 'self' })
    expect(body.counts).toMatchObject({ documents: 2, libraries: 2, mobility: 1, isee: 1, education: 0 })
    // The overdue loan, then the card running out in 47 days, then the household's ISEE; the
    // returned loan and the old card replaced by the new one are no deadlines.
    expect(
      body.deadlines.map((d: { kind: string; status: string; daysLeft: number }) => [
        d.kind,
        d.status,
        d.daysLeft,
      ]),
    ).toEqual([
      ['library-loan', 'expired', -5],
      ['identity-card', 'due-soon', 47],
      ['isee', 'upcoming', 291],
    ])
    expect(body.deadlines[1].recordId).toBe(cardId)
  })

  it('shows one’s own folder with personal data, records and the family, minors openable', async () => {
    const response = await get(`/api/v1/folder/people/${parent.fiscalCode}`, parentSession.headers)
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ registered: true, basis: 'self' })
    expect(body.person).toMatchObject({
      fiscalCode: parent.fiscalCode,
      birthDate: '1980-02-02',
      certifiable: true,
      address: { streetName: 'Via di Prova', municipalityName: 'Milano' },
    })
    expect(body.family).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fiscalCode: spouse.fiscalCode, minor: false, viewable: false }),
        expect.objectContaining({ fiscalCode: child.fiscalCode, minor: true, viewable: true }),
      ]),
    )
    expect(body.family).toHaveLength(2)
    const vehicle = body.records.find((r: { kind: string }) => r.kind === 'vehicle')
    expect(vehicle).toMatchObject({ reference: 'GH123KL', details: { make: 'Fiat', euroClass: 6 } })
  })

  it('opens a minor child’s folder for the parent and writes the read to the audit log', async () => {
    const response = await get(
      `/api/v1/folder/people/${child.fiscalCode.toLowerCase()}`,
      parentSession.headers,
    )
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({
      registered: true,
      basis: 'minor-child',
      person: { fiscalCode: child.fiscalCode },
    })
    expect(body.counts.education).toBe(1)
    const audit = await t.runtime.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'folder.view'), eq(auditLog.subjectId, child.fiscalCode)))
    expect(audit).toHaveLength(1)
    expect(audit[0]?.details).toMatchObject({ viewer: parent.fiscalCode, basis: 'minor-child' })
  })

  it('refuses another family’s child, an adult relative and an unknown code alike, in the user’s language', async () => {
    for (const code of [otherChild.fiscalCode, spouse.fiscalCode, 'RSSMRA80A01F205X']) {
      const response = await get(`/api/v1/folder/people/${code}`, {
        ...parentSession.headers,
        'accept-language': 'en',
      })
      expect(response.statusCode, code).toBe(403)
      expect(response.headers['content-type']).toContain('application/problem+json')
      expect(response.json().detail).toMatch(/minor children/)
    }
    const italian = await get(`/api/v1/folder/people/${otherChild.fiscalCode}`, parentSession.headers)
    expect(italian.json().detail).toMatch(/figli minorenni/)
  })

  it('rejects a malformed fiscal code with a 400 naming the parameter', async () => {
    const response = await get('/api/v1/folder/people/not-a-code', parentSession.headers)
    expect(response.statusCode).toBe(400)
    expect(response.json().errors[0].path).toBe('params.fiscalCode')
  })

  it('opens a delegator’s folder only while a delegation with the folder scope is in force', async () => {
    const delegate = await createCitizenSession(t.runtime)
    const grant = (scopes: string[], validUntil: Date) =>
      t.runtime.db
        .insert(delegations)
        .values({
          delegatorFiscalCode: spouse.fiscalCode,
          delegateFiscalCode: delegate.fiscalCode,
          scopes,
          validFrom: new Date('2026-01-01T00:00:00Z'),
          validUntil,
        })
        .returning()
    await grant(['payments'], new Date('2026-12-31T00:00:00Z'))
    expect((await get(`/api/v1/folder/people/${spouse.fiscalCode}`, delegate.headers)).statusCode).toBe(403)
    await grant(['folder'], new Date('2026-03-01T00:00:00Z'))
    expect((await get(`/api/v1/folder/people/${spouse.fiscalCode}`, delegate.headers)).statusCode).toBe(403)
    await grant(['folder'], new Date('2026-04-01T00:00:00Z'))
    const response = await get(`/api/v1/folder/people/${spouse.fiscalCode}`, delegate.headers)
    expect(response.statusCode).toBe(200)
    // The delegate is not of the household: nobody in it opens for them.
    expect(response.json()).toMatchObject({ basis: 'delegation' })
    expect(response.json().family.every((m: { viewable: boolean }) => !m.viewable)).toBe(true)
  })

  it('tells a citizen missing from the registry that only the identity provider’s data is known', async () => {
    const stranger = await createCitizenSession(t.runtime)
    const own = await get(`/api/v1/folder/people/${stranger.fiscalCode}`, stranger.headers)
    expect(own.statusCode).toBe(200)
    expect(own.json()).toEqual({ registered: false, basis: 'self', fiscalCode: stranger.fiscalCode })
    const summary = await get('/api/v1/folder/summary', stranger.headers)
    expect(summary.json()).toMatchObject({ owner: { registered: false }, counts: null, deadlines: [] })
  })

  it('lets an operator open a folder with a reason, audited, and nobody else', async () => {
    const operator = await createStaffSession(t.runtime, { roles: ['operator'] })
    const url = `/api/v1/staff/folders/${parent.fiscalCode}?reason=${encodeURIComponent('telefonata 020202')}`
    const response = await get(url, operator.headers)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ basis: 'staff', person: { fiscalCode: parent.fiscalCode } })
    const audit = await t.runtime.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'folder.view'), eq(auditLog.actorId, operator.accountId)))
    expect(audit[0]?.details).toMatchObject({ reason: 'telefonata 020202' })
    expect((await get(`/api/v1/staff/folders/${parent.fiscalCode}`, operator.headers)).statusCode).toBe(400)
    const analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
    expect((await get(url, analyst.headers)).statusCode).toBe(403)
    expect((await get(url, parentSession.headers)).statusCode).toBe(403)
  })
})
