import { inTransaction } from '../../db/transaction.js'
import type { ServiceContext } from '../../platform/context.js'
import { insertMissingCategories, insertMissingServices } from './repo.js'
import { ZCreateServiceInput } from './schema.js'
import { SEED_CATEGORIES } from './seed-categories.js'
import { CITY_SEED_SERVICES } from './seed-services-city.js'
import { COMMUNITY_SEED_SERVICES } from './seed-services-community.js'
import { REGISTRY_SEED_SERVICES } from './seed-services-registry.js'
import type { SeedPageText, SeedService } from './seed-texts.js'
import { toServiceRow } from './service.js'

export const SEED_SERVICES: SeedService[] = [
  ...REGISTRY_SEED_SERVICES,
  ...CITY_SEED_SERVICES,
  ...COMMUNITY_SEED_SERVICES,
]

function sectionsOf({ title: _title, summary: _summary, ...sections }: SeedPageText) {
  return sections
}

/**
 * Fills the demo catalogue. Safe to run again: categories and services already present, possibly
 * edited by staff since, are left untouched.
 */
export async function seedCatalogue(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
): Promise<{ categories: number; servicesAdded: number }> {
  const at = ctx.clock.now()
  // Parsing through the API schema keeps the seed held to the same rules as staff edits.
  const rows = SEED_SERVICES.map((service) => ({
    ...toServiceRow(
      ZCreateServiceInput.parse({
        slug: service.slug,
        title: { it: service.it.title, en: service.en.title },
        summary: { it: service.it.summary, en: service.en.summary },
        categorySlug: service.categorySlug,
        audience: service.audience,
        channels: service.channels,
        onlineAccessLevel: service.onlineAccessLevel,
        sections: { it: sectionsOf(service.it), en: sectionsOf(service.en) },
        featured: service.featuredOrder !== undefined,
        featuredOrder: service.featuredOrder ?? 0,
      }),
    ),
    updatedAt: at,
  }))
  const servicesAdded = await inTransaction(ctx.db, async (tx) => {
    await insertMissingCategories(tx, SEED_CATEGORIES)
    return insertMissingServices(tx, rows)
  })
  return { categories: SEED_CATEGORIES.length, servicesAdded }
}
