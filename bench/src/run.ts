import fs from 'node:fs'
import path from 'node:path'
import { bookingBench } from './benches/booking.js'
import { certificatesBench } from './benches/certificates.js'
import { folderBench } from './benches/folder.js'
import { httpBench } from './benches/http.js'
import { notificationsBench } from './benches/notifications.js'
import { paymentsBench } from './benches/payments.js'
import { reportsBench } from './benches/reports.js'
import { sessionBench } from './benches/session.js'
import { ticketsBench } from './benches/tickets.js'
import { progress } from './support/log.js'

const BENCHES: Record<string, () => Promise<Record<string, unknown>>> = {
  booking: bookingBench,
  certificates: certificatesBench,
  folder: folderBench,
  http: httpBench,
  notifications: notificationsBench,
  payments: paymentsBench,
  reports: reportsBench,
  session: sessionBench,
  tickets: ticketsBench,
}

async function main(): Promise<void> {
  const name = process.argv[2]
  const bench = name ? BENCHES[name] : undefined
  if (!name || !bench) {
    process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}>\n`)
    process.exit(2)
  }
  const result = await bench()
  const line = JSON.stringify(result)
  process.stdout.write(`${line}\n`)
  const dir = path.resolve(import.meta.dirname, '../results')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(file, `${line}\n`)
  progress(`result written to bench/results/${path.basename(file)}`)
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
