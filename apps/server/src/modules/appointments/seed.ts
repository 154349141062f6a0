import { inTransaction } from '../../db/transaction.js'
import type { ServiceContext } from '../../platform/context.js'
import {
  findOfficeByName,
  insertCounter,
  insertHours,
  insertOffice,
  insertService,
  linkCounterServices,
} from './calendar-repo.js'

const DEMO_OFFICES = [
  {
    name: 'Anagrafe Centrale',
    address: 'Via Larga 12, 20122 Milano',
    accessibilityNotes: 'Ingresso senza gradini; ascensore fino al primo piano; sportello ribassato.',
    counters: ['Sportello 1', 'Sportello 2', 'Sportello 3', 'Sportello 4'],
  },
  {
    name: 'Municipio 8',
    address: 'Via Quarenghi 21, 20151 Milano',
    accessibilityNotes: 'Rampa di accesso sul lato di via Quarenghi.',
    counters: ['Sportello A', 'Sportello B'],
  },
]

const DEMO_SERVICES = [
  {
    name: 'Carta d’identità elettronica',
    durationMinutes: 20,
    documentsToBring: [
      'Una fototessera recente',
      'La carta d’identità scaduta o la denuncia di smarrimento',
      'La tessera sanitaria',
    ],
  },
  {
    name: 'Certificati e autentiche',
    durationMinutes: 10,
    documentsToBring: ['Un documento d’identità valido', 'Una marca da bollo, se il certificato la richiede'],
  },
  {
    name: 'Cambio di residenza',
    durationMinutes: 30,
    documentsToBring: ['Un documento d’identità valido', 'Il contratto d’affitto o l’atto di proprietà'],
  },
]

/** Monday to Friday 8:30–15:30, Thursday until 18:00. */
const DEMO_WEEK = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opensAt: '08:30',
  closesAt: weekday === 4 ? '18:00' : '15:30',
}))

/** The demo city's registry offices, their counters and the services booked at them; once. */
export async function seedDemoAppointments(
  ctx: ServiceContext,
): Promise<{ offices: number; services: number }> {
  if (await findOfficeByName(ctx.db, DEMO_OFFICES[0]?.name as string)) return { offices: 0, services: 0 }
  await inTransaction(ctx.db, async (tx) => {
    const services = []
    for (const service of DEMO_SERVICES) services.push(await insertService(tx, service))
    for (const { counters, ...office } of DEMO_OFFICES) {
      const inserted = await insertOffice(tx, office)
      for (const name of counters) {
        const counter = await insertCounter(tx, { officeId: inserted.id, name })
        await linkCounterServices(
          tx,
          services.map((service) => ({ counterId: counter.id, serviceId: service.id })),
        )
      }
      await insertHours(
        tx,
        services.flatMap((service) =>
          DEMO_WEEK.map((day) => ({ ...day, officeId: inserted.id, serviceId: service.id })),
        ),
      )
    }
  })
  return { offices: DEMO_OFFICES.length, services: DEMO_SERVICES.length }
}
