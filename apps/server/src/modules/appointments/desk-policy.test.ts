import { describe, expect, it } from 'vitest'
import { actionRefusal, canMove, checkInRefusal, romeDayBounds, ticketLabel } from './desk-policy.js'

const OFFICE = '00000000-0000-4000-8000-000000000001'
const OTHER_OFFICE = '00000000-0000-4000-8000-000000000002'
// Monday 4 March 2030, 10:00 in Rome (UTC+1).
const START = new Date('2030-03-04T10:00:00+01:00')
const at = (rome: string) => new Date(`2030-03-04T${rome}:00+01:00`).getTime()
const booking = (status: string, startsAt = START) => ({ officeId: OFFICE, status, startsAt })

describe('check-in window', () => {
  it('lets a citizen in from the morning of the day until 30 minutes after the start', () => {
    expect(checkInRefusal(booking('booked'), OFFICE, at('07:45'))).toBeNull()
    expect(checkInRefusal(booking('booked'), OFFICE, at('10:30'))).toBeNull()
    expect(checkInRefusal(booking('booked'), OFFICE, at('10:31'))).toEqual({
      key: 'appointmentsDesk.too-late',
      params: { minutes: 30 },
    })
  })

  it('refuses another office and another Rome day, midnight included', () => {
    expect(checkInRefusal(booking('booked'), OTHER_OFFICE, at('09:50'))?.key).toBe(
      'appointmentsDesk.other-office',
    )
    const tomorrow = new Date('2030-03-05T09:00:00+01:00')
    expect(checkInRefusal(booking('booked', tomorrow), OFFICE, at('23:59'))).toEqual({
      key: 'appointmentsDesk.other-day',
      params: { day: '2030-03-05' },
    })
    // Ten past midnight on the 5th in Rome is still the 4th in UTC: the day is Rome's.
    const justAfterMidnight = new Date('2030-03-05T00:10:00+01:00')
    expect(checkInRefusal(booking('booked', justAfterMidnight), OFFICE, at('23:50'))?.key).toBe(
      'appointmentsDesk.other-day',
    )
  })

  it('answers a repeated check-in instead of refusing it, and refuses closed bookings', () => {
    expect(checkInRefusal(booking('checked-in'), OFFICE, at('11:30'))).toBeNull()
    expect(checkInRefusal(booking('called'), OFFICE, at('11:30'))).toBeNull()
    expect(checkInRefusal(booking('served'), OFFICE, at('10:00'))?.key).toBe(
      'appointmentsDesk.already-served',
    )
    expect(checkInRefusal(booking('no-show'), OFFICE, at('10:00'))?.key).toBe(
      'appointmentsDesk.already-no-show',
    )
    for (const status of ['cancelled', 'expired', 'offered']) {
      expect(checkInRefusal(booking(status), OFFICE, at('10:00'))?.key).toBe('appointmentsDesk.not-active')
    }
  })
})

describe('desk status transitions', () => {
  it('moves a booking only along booked → checked-in → called → served', () => {
    expect(canMove('check-in', 'booked')).toBe(true)
    expect(canMove('call', 'checked-in')).toBe(true)
    expect(canMove('call', 'booked')).toBe(false)
    expect(canMove('recall', 'called')).toBe(true)
    expect(canMove('recall', 'checked-in')).toBe(false)
    expect(canMove('served', 'called')).toBe(true)
    expect(canMove('served', 'checked-in')).toBe(true)
    expect(canMove('served', 'booked')).toBe(false)
    expect(canMove('served', 'served')).toBe(false)
  })

  it('marks a no-show only once the booked time has come', () => {
    expect(actionRefusal('no-show', booking('booked'), at('09:59'))?.key).toBe('appointmentsDesk.not-yet')
    for (const status of ['booked', 'checked-in', 'called']) {
      expect(actionRefusal('no-show', booking(status), at('10:00'))).toBeNull()
    }
    expect(actionRefusal('no-show', booking('served'), at('11:00'))?.key).toBe(
      'appointmentsDesk.already-served',
    )
    expect(actionRefusal('no-show', booking('cancelled'), at('11:00'))?.key).toBe(
      'appointmentsDesk.not-active',
    )
  })

  it('explains each refusal by the status the booking is in', () => {
    expect(actionRefusal('served', booking('booked'), at('10:00'))?.key).toBe(
      'appointmentsDesk.not-checked-in',
    )
    expect(actionRefusal('recall', booking('checked-in'), at('10:00'))?.key).toBe(
      'appointmentsDesk.not-called',
    )
    expect(actionRefusal('served', booking('no-show'), at('10:00'))?.key).toBe(
      'appointmentsDesk.already-no-show',
    )
  })
})

describe('desk helpers', () => {
  it('bounds a Rome day, 23 hours long when the clocks go forward', () => {
    const { from, to } = romeDayBounds('2030-03-31')
    expect(from.toISOString()).toBe('2030-03-30T23:00:00.000Z')
    expect(to.toISOString()).toBe('2030-03-31T22:00:00.000Z')
    expect(romeDayBounds('2030-07-01').from.toISOString()).toBe('2030-06-30T22:00:00.000Z')
  })

  it('shows tickets with three figures', () => {
    expect(ticketLabel(7)).toBe('007')
    expect(ticketLabel(123)).toBe('123')
    expect(ticketLabel(1234)).toBe('1234')
  })
})
