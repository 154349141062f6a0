import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { rowsOf } from '../../db/transaction.js'

export interface FolderRow {
  person: {
    id: string
    fiscalCode: string
    givenName: string
    familyName: string
    sex: string
    birthDate: string
    birthPlaceCode: string
    birthPlaceName: string
    citizenship: string
    civilStatus: string
    relationship: string
    residentSince: string
    certifiable: boolean
    familyId: string
  }
  address: {
    streetName: string
    houseNumber: string
    postalCode: string
    municipalityCode: string
    municipalityName: string
    provinceCode: string
  }
  household: {
    fiscalCode: string
    givenName: string
    familyName: string
    sex: string
    birthDate: string
    relationship: string
  }[]
  records: {
    id: string
    personId: string
    kind: string
    reference: string
    validFrom: string | null
    validUntil: string | null
    details: unknown
  }[]
}

/**
 * A person's whole folder in one round trip: the registry entry with its address, the household,
 * and the person's records plus the household's ISEE (the DSU is the family's, filed by one member).
 */
export async function findFolderRow(db: Queryable, fiscalCode: string): Promise<FolderRow | null> {
  const result = await db.execute(sql`
    select
      json_build_object(
        'id', p.id, 'fiscalCode', p.fiscal_code, 'givenName', p.given_name, 'familyName', p.family_name,
        'sex', p.sex, 'birthDate', p.birth_date, 'birthPlaceCode', p.birth_place_code,
        'birthPlaceName', p.birth_place_name, 'citizenship', p.citizenship, 'civilStatus', p.civil_status,
        'relationship', p.relationship, 'residentSince', p.resident_since, 'certifiable', p.certifiable,
        'familyId', p.family_id
      ) as person,
      json_build_object(
        'streetName', a.street_name, 'houseNumber', a.house_number, 'postalCode', a.postal_code,
        'municipalityCode', a.municipality_code, 'municipalityName', a.municipality_name,
        'provinceCode', a.province_code
      ) as address,
      (select coalesce(json_agg(json_build_object(
          'fiscalCode', m.fiscal_code, 'givenName', m.given_name, 'familyName', m.family_name,
          'sex', m.sex, 'birthDate', m.birth_date, 'relationship', m.relationship
        ) order by m.birth_date, m.fiscal_code), '[]'::json)
        from registry_persons m where m.family_id = p.family_id) as household,
      (select coalesce(json_agg(json_build_object(
          'id', r.id, 'personId', r.person_id, 'kind', r.kind, 'reference', r.reference,
          'validFrom', r.valid_from, 'validUntil', r.valid_until, 'details', r.details
        ) order by r.kind, r.valid_until desc nulls last, r.id), '[]'::json)
        from registry_records r
        where r.person_id = p.id
           or (r.kind = 'isee' and r.person_id in (
                select m.id from registry_persons m where m.family_id = p.family_id))) as records
    from registry_persons p
    join registry_families f on f.id = p.family_id
    join registry_addresses a on a.id = f.address_id
    where p.fiscal_code = ${fiscalCode}
  `)
  const [row] = rowsOf<FolderRow>(result)
  return row ?? null
}
