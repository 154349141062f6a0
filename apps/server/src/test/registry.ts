import type { Database } from '../db/client.js'
import { type CreatedMember, createHousehold as createFamily } from './households.js'

export interface TestHousehold {
  parent: CreatedMember
  child: CreatedMember
}

/** The common case: a registered parent with one minor child, fiscal codes no other test uses. */
export async function createHousehold(
  db: Database,
  options: { childBirthDate?: string } = {},
): Promise<TestHousehold> {
  const [parent, child] = await createFamily(db, [
    { relationship: 'head', birthDate: '1980-02-02' },
    { relationship: 'child', birthDate: options.childBirthDate ?? '2015-09-01' },
  ])
  return { parent: parent!, child: child! }
}
