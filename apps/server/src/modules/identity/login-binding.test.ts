import { describe, expect, it } from 'vitest'
import { pendingStates, withoutPendingState, withPendingState } from './login-binding.js'

const state = (letter: string) => letter.repeat(43)

describe('the browser binding of sign-ins', () => {
  it('remembers the last three states, newest first', () => {
    let cookie: string | undefined
    for (const letter of ['a', 'b', 'c', 'd']) cookie = withPendingState(cookie, state(letter))
    expect(pendingStates(cookie)).toEqual([state('d'), state('c'), state('b')])
  })

  it('crosses a state off once used', () => {
    const cookie = withPendingState(withPendingState(undefined, state('a')), state('b'))
    expect(pendingStates(withoutPendingState(cookie, state('a')))).toEqual([state('b')])
    expect(withoutPendingState(state('a'), state('a'))).toBe('')
  })

  it('ignores anything in the cookie that is not a state', () => {
    expect(pendingStates(`${state('a')}.<script>.short`)).toEqual([state('a')])
    expect(pendingStates(undefined)).toEqual([])
  })
})
