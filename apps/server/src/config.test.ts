import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

const PRODUCTION_OIDC = {
  OIDC_CITIZEN_ISSUER: 'https://login.example.it/citizens',
  OIDC_CITIZEN_CLIENT_ID: 'civico',
  OIDC_CITIZEN_CLIENT_SECRET: 'secret',
  OIDC_STAFF_ISSUER: 'https://login.example.it/staff',
  OIDC_STAFF_CLIENT_ID: 'civico-staff',
  OIDC_STAFF_CLIENT_SECRET: 'secret',
  SMTP_URL: 'smtp://relay.example.it:587',
  MAIL_FROM: 'Comune <noreply@comune.example.it>',
  SMS_GATEWAY_URL: 'https://sms.example.it/send',
  SMS_GATEWAY_TOKEN: 'token-123456',
}

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({ INIT_CWD: '/srv/civico' })
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/civico/data/db' })
    expect(config.port).toBe(3000)
    expect(config.publicUrl).toBe('http://localhost:3000')
    expect(config.seedOnStart).toBe(true)
    expect(config.workerInProcess).toBe(true)
  })

  it('uses PostgreSQL when DATABASE_URL is set and production defaults', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://civico@db:5432/civico',
      PUBLIC_URL: 'https://servizi.comune.example.it/',
      ...PRODUCTION_OIDC,
    })
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://civico@db:5432/civico',
      poolSize: 10,
    })
    expect(config.log.pretty).toBe(false)
    expect(config.seedOnStart).toBe(false)
    expect(config.publicUrl).toBe('https://servizi.comune.example.it')
    expect(config.devIdentityProvider).toBe(false)
    expect(config.session.secureCookie).toBe(true)
    expect(config.oidc.citizen.issuer).toBe('https://login.example.it/citizens')
  })

  it('points sign-in at the bundled provider in development', () => {
    const config = loadConfig({ PORT: '4000' })
    expect(config.devIdentityProvider).toBe(true)
    expect(config.oidc.citizen).toMatchObject({
      issuer: 'http://localhost:4000/dev-idp',
      clientId: 'civico-citizens',
    })
    expect(config.oidc.staff).toMatchObject({
      issuer: 'http://localhost:4000/dev-idp',
      clientId: 'civico-staff',
    })
    expect(config.session).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000, secureCookie: false })
  })

  it('never runs the development identity provider in production, and needs real providers there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_IDP: 'true', ...PRODUCTION_OIDC })).toThrow(
      /DEV_IDP/,
    )
    const { OIDC_CITIZEN_ISSUER: _issuer, ...withoutCitizenIssuer } = PRODUCTION_OIDC
    expect(() => loadConfig({ NODE_ENV: 'production', ...withoutCitizenIssuer })).toThrow(
      /OIDC_CITIZEN_ISSUER/,
    )
    const { SMTP_URL: _smtp, ...withoutSmtp } = PRODUCTION_OIDC
    expect(() => loadConfig({ NODE_ENV: 'production', ...withoutSmtp })).toThrow(/SMTP_URL/)
  })

  it('refuses bad values and names each one', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', WORKER_IN_PROCESS: 'maybe' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      const message = (error as ConfigError).message
      expect(message).toContain('PORT')
      expect(message).toContain('DATABASE_URL')
      expect(message).toContain('WORKER_IN_PROCESS')
    }
  })
})
