import { describe, expect, it } from 'vitest'
import { escapeText, foldLine, renderCalendar } from './ical.js'

describe('iCalendar feed', () => {
  it('escapes the characters TEXT gives a meaning to', () => {
    expect(escapeText('TARI; rata 1, acconto\\saldo\nfine')).toBe('TARI\\; rata 1\\, acconto\\\\saldo\\nfine')
  })

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'è'.repeat(60)}`
    const folded = foldLine(line)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75)
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true)
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line)
  })

  it('writes all-day events with a reminder, CRLF line ends and the dates in basic form', () => {
    const text = renderCalendar({
      name: 'Scadenze – Comune di Milano',
      now: new Date('2027-04-01T08:00:00Z'),
      reminder: 'Domani',
      events: [
        {
          uid: 'payment:1@civico.example',
          date: '2027-04-30',
          summary: 'Da pagare: TARI 2027 – rata 1, 100,00 €',
          description: 'TARI',
          url: 'https://civico.example/area-personale/pagamenti',
        },
      ],
    })
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true)
    expect(text).toContain('DTSTART;VALUE=DATE:20270430\r\n')
    expect(text).toContain('DTEND;VALUE=DATE:20270501\r\n')
    expect(text).toContain('DTSTAMP:20270401T080000Z\r\n')
    expect(text).toContain('SUMMARY:Da pagare: TARI 2027 – rata 1\\, 100\\,00 €\r\n')
    expect(text).toContain('BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15H\r\n')
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1)
  })
})
