import Fastify from 'fastify'

const app = Fastify({ logger: false })
app.get('/health/live', async () => ({ status: 'ok' }))
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
process.once('SIGTERM', () => app.close().then(() => process.exit(0)))
