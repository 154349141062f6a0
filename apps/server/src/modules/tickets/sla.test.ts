import { describe, expect, it } from 'vitest'
import { holidayCalendar, patronDayOf } from '../city/holidays.js'
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  resumeDueDate,
  slaDueDates,
} from './sla.js'

// Milan's calendar: offices open 08:30–17:30 on weekdays, closed on national holidays and on
// Sant'Ambrogio (7 December).
const milan: BusinessCalendar = {
  startMinutes: 8 * 60 + 30,
  endMinutes: 17 * 60 + 30,
  isHoliday: holidayCalendar(patronDayOf('015146')),
}
const at = (iso: string) => new Date(iso)

describe('business minutes', () => {
  it('counts within the day and starts at opening time', () => {
    expect(addBusinessMinutes(milan, at('2026-03-09T09:00:00+01:00'), 60)).toEqual(
      at('2026-03-09T10:00:00+01:00'),
    )
    expect(addBusinessMinutes(milan, at('2026-03-09T07:00:00+01:00'), 30)).toEqual(
      at('2026-03-09T09:00:00+01:00'),
    )
    // Exactly the rest of the day ends at closing time, not the next morning.
    expect(addBusinessMinutes(milan, at('2026-03-09T16:30:00+01:00'), 60)).toEqual(
      at('2026-03-09T17:30:00+01:00'),
    )
  })

  it('skips the weekend: four hours asked on Friday evening fall due on Monday at 12:30', () => {
    expect(addBusinessMinutes(milan, at('2026-03-06T18:00:00+01:00'), 240)).toEqual(
      at('2026-03-09T12:30:00+01:00'),
    )
    expect(
      businessMinutesBetween(milan, at('2026-03-06T17:00:00+01:00'), at('2026-03-09T09:00:00+01:00')),
    ).toBe(60)
  })

  it('skips Sant’Ambrogio and the Immacolata in Milan', () => {
    // Friday 4 December 16:30: one hour left that day; Monday 7 and Tuesday 8 are holidays.
    expect(addBusinessMinutes(milan, at('2026-12-04T16:30:00+01:00'), 120)).toEqual(
      at('2026-12-09T09:30:00+01:00'),
    )
  })

  it('a city with another patron works on 7 December', () => {
    // Rome's patrons are Saints Peter and Paul, on 29 June.
    const rome: BusinessCalendar = { ...milan, isHoliday: holidayCalendar('06-29') }
    expect(addBusinessMinutes(rome, at('2026-12-04T16:30:00+01:00'), 120)).toEqual(
      at('2026-12-07T09:30:00+01:00'),
    )
  })

  it('skips Christmas and Santo Stefano', () => {
    expect(addBusinessMinutes(milan, at('2026-12-24T17:00:00+01:00'), 60)).toEqual(
      at('2026-12-28T09:00:00+01:00'),
    )
    expect(
      businessMinutesBetween(milan, at('2026-12-24T08:30:00+01:00'), at('2026-12-28T17:30:00+01:00')),
    ).toBe(2 * 540)
  })

  it('skips Easter Monday', () => {
    // Easter 2026 is on 5 April; summer time has started, so Rome is UTC+2.
    expect(addBusinessMinutes(milan, at('2026-04-03T17:00:00+02:00'), 60)).toEqual(
      at('2026-04-07T09:00:00+02:00'),
    )
  })

  it('keeps office hours in Rome time across the change to summer time', () => {
    // Clocks go forward on Sunday 29 March 2026: Monday opens at 08:30 local, 06:30 UTC.
    const due = addBusinessMinutes(milan, at('2026-03-27T17:00:00+01:00'), 60)
    expect(due).toEqual(at('2026-03-30T09:00:00+02:00'))
    expect(due.toISOString()).toBe('2026-03-30T07:00:00.000Z')
    expect(
      businessMinutesBetween(milan, at('2026-03-27T08:30:00+01:00'), at('2026-03-30T17:30:00+02:00')),
    ).toBe(1080)
  })

  it('and across the change back to winter time', () => {
    // Clocks go back on Sunday 25 October 2026.
    expect(addBusinessMinutes(milan, at('2026-10-23T17:00:00+02:00'), 60)).toEqual(
      at('2026-10-26T09:00:00+01:00'),
    )
  })

  it('counts nothing backwards or outside the hours', () => {
    expect(
      businessMinutesBetween(milan, at('2026-03-09T10:00:00+01:00'), at('2026-03-09T09:00:00+01:00')),
    ).toBe(0)
    expect(
      businessMinutesBetween(milan, at('2026-03-07T09:00:00+01:00'), at('2026-03-08T18:00:00+01:00')),
    ).toBe(0)
  })
})

describe('due dates', () => {
  it('puts both targets on the business calendar', () => {
    const due = slaDueDates(milan, at('2026-03-06T16:30:00+01:00'), {
      firstResponseMinutes: 120,
      resolutionMinutes: 600,
    })
    expect(due.firstResponseDueAt).toEqual(at('2026-03-09T09:30:00+01:00'))
    // 60 on Friday, 540 on Monday: closing time on Monday.
    expect(due.resolutionDueAt).toEqual(at('2026-03-09T17:30:00+01:00'))
  })

  it('moves a due time on by the business time a pause lasted', () => {
    const due = at('2026-03-10T12:00:00+01:00')
    // Paused on Friday at 17:00, resumed on Monday at 10:00: 30 + 90 business minutes.
    const resumed = resumeDueDate(
      milan,
      due,
      at('2026-03-06T17:00:00+01:00'),
      at('2026-03-09T10:00:00+01:00'),
    )
    expect(resumed).toEqual(addBusinessMinutes(milan, due, 120))
    expect(resumed).toEqual(at('2026-03-10T14:00:00+01:00'))
  })

  it('keeps the due time of a pause that lasted only a weekend', () => {
    const due = at('2026-03-10T12:00:00+01:00')
    expect(
      resumeDueDate(milan, due, at('2026-03-07T10:00:00+01:00'), at('2026-03-08T20:00:00+01:00')),
    ).toEqual(due)
  })

  it('leaves an overdue ticket as late as it was', () => {
    const due = at('2026-03-05T12:00:00+01:00')
    expect(
      resumeDueDate(milan, due, at('2026-03-06T10:00:00+01:00'), at('2026-03-09T10:00:00+01:00')),
    ).toEqual(due)
  })
})
