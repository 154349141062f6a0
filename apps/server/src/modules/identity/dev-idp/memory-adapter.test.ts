import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryAdapterFactory } from './memory-adapter.js'

describe('the development provider storage', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('keeps each model apart and finds entries by id, uid and user code', async () => {
    const adapterFor = createMemoryAdapterFactory()
    const sessions = adapterFor('Session')
    const codes = adapterFor('AuthorizationCode')
    await sessions.upsert('one', { uid: 'uid-1', accountId: 'a' }, 60)
    await codes.upsert('one', { userCode: 'ABCD', grantId: 'g' }, 60)
    expect(await sessions.find('one')).toMatchObject({ accountId: 'a' })
    expect(await sessions.findByUid('uid-1')).toMatchObject({ accountId: 'a' })
    expect(await codes.findByUserCode('ABCD')).toMatchObject({ grantId: 'g' })
    expect(await codes.find('missing')).toBeUndefined()
  })

  it('forgets entries when they expire', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') })
    const codes = createMemoryAdapterFactory()('AuthorizationCode')
    await codes.upsert('code', { accountId: 'a' }, 60)
    vi.advanceTimersByTime(59_000)
    expect(await codes.find('code')).toBeDefined()
    vi.advanceTimersByTime(2_000)
    expect(await codes.find('code')).toBeUndefined()
  })

  it('marks consumed codes and revokes everything issued under a grant', async () => {
    const adapterFor = createMemoryAdapterFactory()
    const codes = adapterFor('AuthorizationCode')
    const tokens = adapterFor('AccessToken')
    await codes.upsert('code', { grantId: 'grant-1' }, 60)
    await tokens.upsert('token', { grantId: 'grant-1' }, 60)
    await tokens.upsert('other', { grantId: 'grant-2' }, 60)
    await codes.consume('code')
    expect((await codes.find('code'))?.consumed).toEqual(expect.any(Number))
    await tokens.revokeByGrantId('grant-1')
    expect(await codes.find('code')).toBeUndefined()
    expect(await tokens.find('token')).toBeUndefined()
    expect(await tokens.find('other')).toBeDefined()
  })

  it('gives each provider its own storage', async () => {
    const first = createMemoryAdapterFactory()('Session')
    const second = createMemoryAdapterFactory()('Session')
    await first.upsert('s', { accountId: 'a' }, 60)
    expect(await second.find('s')).toBeUndefined()
    await first.destroy('s')
    expect(await first.find('s')).toBeUndefined()
  })
})
