import type { Logger } from 'pino'
import { seedDemoAppointments } from './modules/appointments/seed.js'
import { seedAssistantKnowledge } from './modules/assistant/service.js'
import { seedCatalogue } from './modules/catalogue/seed.js'
import { DEMO_CITY } from './modules/city/demo-city.js'
import { configureCity, getCityProfile } from './modules/city/service.js'
import { seedStaff } from './modules/identity/staff-admin-service.js'
import { seedNewsletterTopics } from './modules/newsletter/seed.js'
import { seedDemoPayments } from './modules/payments/seed.js'
import { refreshRegistryStatistics, seedPopulation } from './modules/registry/service.js'
import { seedCityStreets } from './modules/reports/service.js'
import { seedTicketTaxonomy } from './modules/tickets/seed.js'
import type { Clock } from './platform/clock.js'
import type { ServiceContext } from './platform/context.js'
import type { AppDependencies } from './platform/http/dependencies.js'

export interface SeedOptions {
  citizens: number
  seed: number
  onlyIfEmpty: boolean
}

/** The demo city: Milan's configuration, its teams and test staff, and a synthetic, reproducible population. */
export async function seedDemoCity(deps: AppDependencies, options: SeedOptions, log: Logger): Promise<void> {
  const ctx: ServiceContext = {
    db: deps.db,
    jobs: deps.jobs,
    clock: deps.clock as Clock,
    logger: log,
    actor: { type: 'system', name: 'seed' },
    meta: { ip: null, requestId: null, locale: 'it' },
  }
  const existing = await getCityProfile(ctx)
  if (existing && options.onlyIfEmpty) return
  if (!existing) await configureCity(ctx, DEMO_CITY)
  const staff = await seedStaff(ctx)
  log.info(staff, 'demo staff and teams ready')
  log.info(await seedTicketTaxonomy(ctx), 'CRM taxonomy and canned replies ready')
  const catalogue = await seedCatalogue(ctx)
  log.info(catalogue, 'service catalogue ready')
  // After the catalogue: the answers link to its service pages.
  log.info(await seedAssistantKnowledge(ctx), 'virtual assistant knowledge base ready')
  log.info(await seedNewsletterTopics(ctx), 'newsletter topics ready')
  log.info(await seedDemoPayments(ctx, deps.config.payments), 'demo payments ready')
  log.info(await seedDemoAppointments(ctx), 'demo appointment offices ready')
  log.info(await seedCityStreets(ctx.db), 'street list ready')
  const city = existing ?? DEMO_CITY
  log.info({ citizens: options.citizens }, 'seeding the demo population')
  let lastReport = 0
  const result = await seedPopulation(
    deps.database,
    {
      citizens: options.citizens,
      seed: options.seed,
      city: {
        cadastralCode: city.cadastralCode,
        name: city.name,
        provinceCode: city.provinceCode,
        istatCode: city.istatCode,
      },
      referenceDate: deps.clock.now(),
    },
    (done, total) => {
      const now = Date.now()
      if (now - lastReport > 2000 || done === total) {
        lastReport = now
        log.info(`seeded ${done.toLocaleString('en')} / ${total.toLocaleString('en')} citizens`)
      }
    },
  )
  // Fresh statistics, so the planner knows a household has a handful of people, not thousands.
  await refreshRegistryStatistics(deps.database)
  log.info(result, 'demo city ready')
}
