// Runs a command against a fresh PostgreSQL database that is created first and dropped after.
// The server to use comes from PG_ADMIN_URL (default: the local server, database "postgres").
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'

const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: node scripts/with-pg-database.mjs <command> [args...]')
  process.exit(2)
}

const name = `civico_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`

async function admin(statement) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

try {
  await admin(`create database "${name}"`)
} catch (error) {
  console.error(
    `Cannot create a test database on ${adminUrl.replace(/:[^:@/]*@/, ':***@')}: ${error.message}`,
  )
  console.error('Start PostgreSQL or point PG_ADMIN_URL at a server where you may create databases.')
  process.exit(1)
}

const url = new URL(adminUrl)
url.pathname = `/${name}`
console.error(`Using PostgreSQL database ${name}`)

const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url.toString() },
})
const exitCode = await new Promise((resolve) => {
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
})

try {
  await admin(`drop database if exists "${name}" with (force)`)
} catch (error) {
  console.error(`Could not drop ${name}: ${error.message}`)
}
process.exit(exitCode)
