import pg from 'pg'
import { computeFiscalCode } from '../../../apps/server/src/modules/identity/codice-fiscale.js'
import { recreateDatabase } from '../support/database.js'
import { signInStaff } from '../support/dev-login.js'
import { progress } from '../support/log.js'
import { startCivico } from '../support/processes.js'

const POSITIONS = Number(process.env.BENCH_POSITIONS ?? 500_000)
const RECEIPTS = Number(process.env.BENCH_RECEIPTS ?? 10_000)
/** One receipt in ten is sent twice, as payment systems do after a timeout. */
const REPEAT_EVERY = 10
const CONCURRENCY = 16
const DATABASE = 'civico_bench_payments'

/** A TARI roll: three instalments per household, real fiscal codes. */
function tariRoll(positions: number): string {
  const lines = ['iupd;codice_fiscale;nominativo;tipo;descrizione;rata;scadenza;importo']
  const names = ['ROSSI', 'BIANCHI', 'COLOMBO', 'FERRARI', 'ESPOSITO', 'RICCI', 'MARINO', 'GRECO']
  const given = ['MARIA', 'GIUSEPPE', 'ANNA', 'LUCA', 'GIULIA', 'MARCO', 'SARA', 'PAOLO']
  for (let n = 0; n < positions; n++) {
    const family = names[n % names.length] as string
    const first = given[(n >> 3) % given.length] as string
    const day = 1 + (n % 28)
    const month = 1 + ((n >> 5) % 12)
    const year = 1940 + ((n >> 9) % 60)
    const fiscalCode = computeFiscalCode({
      familyName: family,
      givenName: first,
      sex: n % 2 === 0 ? 'F' : 'M',
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      birthPlaceCode: 'F205',
    })
    const amount = `${90 + (n % 400)},${String(n % 100).padStart(2, '0')}`
    const iupd = `TARI2027-${n}`
    const name = `${first} ${family}`
    lines.push(`${iupd};${fiscalCode};${name};tari;TARI 2027;1;2027-04-16;${amount}`)
    lines.push(`${iupd};${fiscalCode};${name};tari;TARI 2027;2;2027-07-16;${amount}`)
    lines.push(`${iupd};${fiscalCode};${name};tari;TARI 2027;3;2027-10-16;${amount}`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * The yardstick: the same number of rows (positions plus options) written by the database alone,
 * `INSERT … SELECT generate_series`, into tables shaped like the real ones.
 */
async function baselineSeconds(pool: pg.Pool, positions: number): Promise<number> {
  const client = await pool.connect()
  try {
    const started = Date.now()
    await client.query(
      'create table bench_positions (id uuid primary key, iupd text unique, debtor text, name text)',
    )
    await client.query(
      'create table bench_options (id uuid primary key default gen_random_uuid(), position_id uuid, nav text unique, amount int, due date)',
    )
    await client.query(
      `insert into bench_positions select gen_random_uuid(), 'B' || n, md5(n::text), 'NOME ' || n from generate_series(1, $1::int) n`,
      [positions],
    )
    await client.query(
      `insert into bench_options (position_id, nav, amount, due)
       select p.id, lpad((row_number() over ())::text, 18, '0'), 10000, date '2027-04-16' from bench_positions p, generate_series(1, 3)`,
    )
    return (Date.now() - started) / 1000
  } finally {
    await client.query('drop table if exists bench_positions, bench_options')
    client.release()
  }
}

export async function paymentsBench(): Promise<Record<string, unknown>> {
  const base = process.env.DATABASE_URL
  if (!base) throw new Error('the payments benchmark runs on PostgreSQL: set DATABASE_URL')
  const databaseUrl = await recreateDatabase(base, DATABASE)
  const civico = await startCivico({ citizens: 0, env: { DATABASE_URL: databaseUrl, SEED_ON_START: 'true' } })
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  try {
    progress(`writing a roll of ${POSITIONS.toLocaleString('en')} positions, three instalments each`)
    const roll = tariRoll(POSITIONS)
    progress(`roll ready: ${(roll.length / 1e6).toFixed(0)} MB`)
    const staff = await signInStaff(civico.url, 'dev-admin')
    const headers = { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken }

    const importStarted = Date.now()
    const imported = await fetch(`${civico.url}/api/v1/staff/payments/imports?source=tari-2027`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: roll,
    })
    const importSeconds = (Date.now() - importStarted) / 1000
    const importResult = (await imported.json()) as { positions?: number }
    if (imported.status !== 201 || importResult.positions !== POSITIONS) {
      throw new Error(`import answered ${imported.status}: ${JSON.stringify(importResult).slice(0, 500)}`)
    }
    progress(`imported in ${importSeconds.toFixed(1)} s`)
    progress('baseline: the same rows written by the database alone')
    const baseline = await baselineSeconds(pool, POSITIONS)

    const client = await fetch(`${civico.url}/api/v1/admin/api-clients`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'nodo pagoPA', scopes: ['payments:receipts'] }),
    })
    const { key } = (await client.json()) as { key: string }
    const city = (
      await pool.query<{ fiscalCode: string }>('select fiscal_code as "fiscalCode" from city_profile')
    ).rows[0] as {
      fiscalCode: string
    }
    const { rows } = await pool.query<{ nav: string; amount_cents: number }>(
      'select nav, amount_cents from payment_options order by random() limit $1',
      [RECEIPTS],
    )
    const sends = rows.flatMap((row, n) => {
      const body = JSON.stringify({
        receiptId: `rt-${n}`,
        noticeNumber: row.nav,
        creditorFiscalCode: city.fiscalCode,
        amountCents: row.amount_cents,
        paidAt: new Date().toISOString(),
        psp: 'Banca di prova',
      })
      return n % REPEAT_EVERY === 0 ? [body, body] : [body]
    })
    progress(
      `sending ${sends.length.toLocaleString('en')} receipts (${RECEIPTS.toLocaleString('en')} distinct)`,
    )
    let next = 0
    let failures = 0
    const receiptsStarted = Date.now()
    const lane = async () => {
      while (next < sends.length) {
        const body = sends[next++] as string
        const response = await fetch(`${civico.url}/api/v1/payments/receipts`, {
          method: 'POST',
          headers: { 'x-api-key': key, 'content-type': 'application/json' },
          body,
        })
        if (response.status !== 200) failures++
        await response.arrayBuffer()
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, lane))
    const receiptSeconds = (Date.now() - receiptsStarted) / 1000
    const check = await pool.query<{ paid: number; applied: number; double_counted: number }>(
      `select
         (select count(*)::int from payment_options where status = 'paid') as paid,
         (select count(*)::int from payment_receipts where outcome = 'applied') as applied,
         (select count(*)::int from (select option_id from payment_receipts where outcome = 'applied'
            group by option_id having count(*) > 1) twice) as double_counted`,
    )
    const figures = check.rows[0] as { paid: number; applied: number; double_counted: number }
    return {
      bench: 'payments',
      positions: POSITIONS,
      import_s: Number(importSeconds.toFixed(1)),
      baseline_s: Number(baseline.toFixed(1)),
      ratio: Number((baseline / importSeconds).toFixed(3)),
      receipts: RECEIPTS,
      sent: sends.length,
      receipts_per_s: Math.round(sends.length / receiptSeconds),
      failures,
      paid: figures.paid,
      double_counted: figures.double_counted + Math.max(0, figures.paid - RECEIPTS),
    }
  } finally {
    await pool.end()
    await civico.stop()
  }
}
