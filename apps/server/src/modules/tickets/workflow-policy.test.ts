import { describe, expect, it } from 'vitest'
import { leastLoaded } from './assignment.js'
import { TICKET_STATUSES, type TicketStatus } from './policy.js'
import { addBusinessMinutes, type BusinessCalendar } from './sla.js'
import {
  allowedTransitions,
  renderCannedReply,
  slaClockChanges,
  statusAfterReply,
  transitionRefusal,
  withinReopenWindow,
} from './workflow-policy.js'

const calendar: BusinessCalendar = {
  startMinutes: 8 * 60 + 30,
  endMinutes: 17 * 60 + 30,
  isHoliday: () => false,
}
const withReply = { publicReplies: 1, resolutionNote: '' }

/** Every pair of statuses and whether the status menu may move a ticket from one to the other. */
const EXPECTED: Record<TicketStatus, TicketStatus[]> = {
  new: ['in-progress', 'waiting-citizen', 'waiting-office', 'resolved'],
  assigned: ['in-progress', 'waiting-citizen', 'waiting-office', 'resolved'],
  'in-progress': ['waiting-citizen', 'waiting-office', 'resolved'],
  'waiting-citizen': ['in-progress', 'waiting-office', 'resolved'],
  'waiting-office': ['in-progress', 'waiting-citizen', 'resolved'],
  resolved: ['in-progress', 'closed'],
  closed: [],
}

describe('status transitions', () => {
  for (const from of TICKET_STATUSES) {
    for (const to of TICKET_STATUSES) {
      const allowed = EXPECTED[from].includes(to)
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const refusal = transitionRefusal(from, to, withReply)
        if (allowed) expect(refusal).toBeNull()
        else expect(refusal).toBe(from === 'closed' ? 'tickets.closed' : 'tickets.transition-refused')
      })
    }
  }

  it('lists the same targets as it allows', () => {
    for (const from of TICKET_STATUSES) expect(allowedTransitions(from)).toEqual(EXPECTED[from])
  })

  it('resolves only with a public reply or a resolution note', () => {
    expect(transitionRefusal('in-progress', 'resolved', { publicReplies: 0, resolutionNote: '  ' })).toBe(
      'tickets.resolve-needs-reply',
    )
    expect(
      transitionRefusal('in-progress', 'resolved', { publicReplies: 0, resolutionNote: 'Fatto' }),
    ).toBeNull()
    expect(transitionRefusal('in-progress', 'resolved', { publicReplies: 2, resolutionNote: '' })).toBeNull()
  })

  it('never lets the menu set new or assigned: claiming and forwarding do', () => {
    for (const from of TICKET_STATUSES) {
      expect(allowedTransitions(from)).not.toContain('new')
      expect(allowedTransitions(from)).not.toContain('assigned')
    }
  })
})

describe('SLA clocks on status changes', () => {
  const monday9 = new Date('2026-03-02T08:00:00Z')
  const due = addBusinessMinutes(calendar, monday9, 600)
  const running = { status: 'in-progress', slaPausedAt: null, firstResponseDueAt: due, resolutionDueAt: due }

  it('stops when waiting for the citizen', () => {
    expect(slaClockChanges(calendar, running, 'waiting-citizen', monday9)).toEqual({ slaPausedAt: monday9 })
  })

  it('moves both due times on by the business time of the wait when leaving it', () => {
    const paused = { ...running, status: 'waiting-citizen', slaPausedAt: monday9 }
    const resumedAt = new Date(monday9.getTime() + 3 * 3_600_000)
    const changes = slaClockChanges(calendar, paused, 'in-progress', resumedAt)
    expect(changes).toEqual({
      slaPausedAt: null,
      firstResponseDueAt: addBusinessMinutes(calendar, due, 180),
      resolutionDueAt: addBusinessMinutes(calendar, due, 180),
    })
  })

  it('leaves the clocks alone between running statuses', () => {
    expect(slaClockChanges(calendar, running, 'waiting-office', monday9)).toEqual({})
  })
})

describe('replies and reopening', () => {
  it('starts the work on a first reply unless the operator chose otherwise', () => {
    expect(statusAfterReply('new', undefined)).toBe('in-progress')
    expect(statusAfterReply('assigned', undefined)).toBe('in-progress')
    expect(statusAfterReply('waiting-office', undefined)).toBe('waiting-office')
    expect(statusAfterReply('new', 'waiting-citizen')).toBe('waiting-citizen')
  })

  it('reopens within the configured days only', () => {
    const resolvedAt = new Date('2026-03-02T08:00:00Z')
    expect(withinReopenWindow(resolvedAt, new Date('2026-03-12T08:00:00Z'), 10)).toBe(true)
    expect(withinReopenWindow(resolvedAt, new Date('2026-03-12T08:00:01Z'), 10)).toBe(false)
    expect(withinReopenWindow(null, resolvedAt, 10)).toBe(false)
  })
})

describe('canned replies and assignment rules', () => {
  it('fills the placeholders and leaves unknown ones as written', () => {
    const text = renderCannedReply('Gentile {nome}, {codice} «{oggetto}» – {operatore}, {città} {altro}', {
      nome: 'Maria',
      codice: 'R2026-ABCDEF',
      oggetto: 'Rifiuti',
      operatore: 'Olga',
      città: 'Comune di Milano',
    })
    expect(text).toBe('Gentile Maria, R2026-ABCDEF «Rifiuti» – Olga, Comune di Milano {altro}')
  })

  it('gives new work to the least-loaded member, the first on a tie', () => {
    const members = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    expect(
      leastLoaded(
        members,
        new Map([
          ['a', 3],
          ['b', 1],
          ['c', 2],
        ]),
      ),
    ).toBe('b')
    expect(
      leastLoaded(
        members,
        new Map([
          ['a', 1],
          ['b', 1],
        ]),
      ),
    ).toBe('c')
    expect(
      leastLoaded(
        members,
        new Map([
          ['a', 0],
          ['b', 0],
          ['c', 0],
        ]),
      ),
    ).toBe('a')
    expect(leastLoaded([], new Map())).toBeNull()
  })
})
