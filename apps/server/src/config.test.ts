import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

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
    })
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://civico@db:5432/civico',
      poolSize: 10,
    })
    expect(config.log.pretty).toBe(false)
    expect(config.seedOnStart).toBe(false)
    expect(config.publicUrl).toBe('https://servizi.comune.example.it')
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
