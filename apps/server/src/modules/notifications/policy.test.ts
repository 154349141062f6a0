import { describe, expect, it } from 'vitest'
import { chooseChannels, endOfQuietHours } from './policy.js'

const everywhere = { push: true, email: true, sms: true, io: true }
const nowhere = { push: false, email: false, sms: false, io: false }

describe('chooseChannels', () => {
  it('uses the citizen’s choice for the topic, else the default, limited to what reaches them', () => {
    expect(chooseChannels({ topic: 'deadlines', legal: false, chosen: null, reachable: everywhere })).toEqual(
      ['push', 'email', 'io'],
    )
    expect(
      chooseChannels({
        topic: 'deadlines',
        legal: false,
        chosen: { deadlines: ['sms'] },
        reachable: everywhere,
      }),
    ).toEqual(['sms'])
    expect(
      chooseChannels({
        topic: 'deadlines',
        legal: false,
        chosen: null,
        reachable: { ...nowhere, email: true },
      }),
    ).toEqual(['email'])
  })

  it('lets a citizen silence a topic, but a legal message still finds a way', () => {
    expect(
      chooseChannels({ topic: 'payments', legal: false, chosen: { payments: [] }, reachable: everywhere }),
    ).toEqual([])
    expect(
      chooseChannels({ topic: 'payments', legal: true, chosen: { payments: [] }, reachable: everywhere }),
    ).toEqual(['push', 'email', 'io'])
    expect(
      chooseChannels({
        topic: 'payments',
        legal: true,
        chosen: { payments: ['push'] },
        reachable: { ...nowhere, sms: true },
      }),
    ).toEqual(['sms'])
    expect(chooseChannels({ topic: 'payments', legal: true, chosen: null, reachable: nowhere })).toEqual([])
  })
})

describe('endOfQuietHours', () => {
  // 23:30 in Rome on a winter night is 22:30 UTC.
  const lateNight = new Date('2026-01-10T22:30:00Z')

  it('holds intrusive messages until quiet hours end, across midnight, in Rome time', () => {
    expect(endOfQuietHours(lateNight, { from: '22:00', until: '07:30' })?.toISOString()).toBe(
      '2026-01-11T06:30:00.000Z',
    )
    expect(
      endOfQuietHours(new Date('2026-01-11T05:00:00Z'), { from: '22:00', until: '07:30' })?.toISOString(),
    ).toBe('2026-01-11T06:30:00.000Z')
    // Summer time: 13:10 in Rome is 11:10 UTC, quiet from 13:00 to 15:00.
    expect(
      endOfQuietHours(new Date('2026-07-01T11:10:00Z'), { from: '13:00', until: '15:00' })?.toISOString(),
    ).toBe('2026-07-01T13:00:00.000Z')
  })

  it('lets messages through outside quiet hours or without them', () => {
    expect(endOfQuietHours(new Date('2026-01-10T12:00:00Z'), { from: '22:00', until: '07:30' })).toBeNull()
    expect(endOfQuietHours(lateNight, { from: null, until: null })).toBeNull()
    expect(endOfQuietHours(lateNight, { from: '08:00', until: '08:00' })).toBeNull()
  })
})
