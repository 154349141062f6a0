import { describe, expect, it } from 'vitest'
import { createLogger } from './logger.js'

describe('createLogger', () => {
  it('keeps secrets out of the log lines', () => {
    const lines: string[] = []
    const logger = createLogger({
      level: 'info',
      pretty: false,
      destination: { write: (line) => lines.push(line) },
    })
    logger.info(
      {
        token: 'secret-token',
        password: 'secret-password',
        req: { headers: { cookie: 'civico_session=abc', authorization: 'Bearer xyz', 'x-api-key': 'civ_k' } },
        err: { config: { headers: { authorization: 'Bearer upstream' } } },
        fiscalCode: 'kept',
      },
      'hello',
    )
    const entry = JSON.parse(lines[0] ?? '{}')
    expect(entry).toMatchObject({
      msg: 'hello',
      token: '[redacted]',
      password: '[redacted]',
      req: { headers: { cookie: '[redacted]', authorization: '[redacted]', 'x-api-key': '[redacted]' } },
      err: { config: { headers: { authorization: '[redacted]' } } },
      fiscalCode: 'kept',
    })
    expect(lines[0]).not.toMatch(/secret|abc|xyz|civ_k|upstream/)
  })
})
