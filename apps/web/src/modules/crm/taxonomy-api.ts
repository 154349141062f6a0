import { useQuery } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  readBoolean,
  readList,
  readNullableString,
  readNumber,
  readString,
} from '../../app/api/parse'
import { currentLanguage } from '../../app/i18n/i18n'
import { useSignedInSession } from '../../app/session/session-api'
import { readNullableNumber } from './crm-parse'
import { isCrmSupervisor } from './crm-roles'

export const TICKET_PROCESSES = ['standard', 'mayor-letter', 'problem-report'] as const
export type TicketProcess = (typeof TICKET_PROCESSES)[number]

/** One entry of the classification: an area (1), a topic (2) or a detail (3) with its routing. */
export interface CategoryNode {
  code: string
  parentCode: string | null
  level: 1 | 2 | 3
  /** In the reader's language. */
  name: string
  nameIt: string
  nameEn: string
  teamCode: string | null
  process: string
  firstResponseMinutes: number | null
  resolutionMinutes: number | null
  citizenVisible: boolean
  active: boolean
  position: number
}

export const TAXONOMY_KEY = ['crm', 'taxonomy'] as const
const TAXONOMY_PATH = '/staff/crm/categories'

export function parseCategory(value: unknown): CategoryNode {
  const record = asRecord(value, 'category')
  const level = readNumber(record, 'level')
  if (level !== 1 && level !== 2 && level !== 3) throw new TypeError('level is not 1, 2 or 3')
  const nameIt = readString(record, 'nameIt')
  const nameEn = readString(record, 'nameEn')
  return {
    code: readString(record, 'code'),
    parentCode: readNullableString(record, 'parentCode'),
    level,
    name: currentLanguage() === 'en' && nameEn ? nameEn : nameIt,
    nameIt,
    nameEn,
    teamCode: readNullableString(record, 'teamCode'),
    process: readString(record, 'process'),
    firstResponseMinutes: readNullableNumber(record, 'firstResponseMinutes'),
    resolutionMinutes: readNullableNumber(record, 'resolutionMinutes'),
    citizenVisible: readBoolean(record, 'citizenVisible'),
    active: readBoolean(record, 'active'),
    position: readNumber(record, 'position'),
  }
}

function parseTaxonomy(value: unknown): CategoryNode[] {
  return readList(value, 'taxonomy', parseCategory)
}

/** The whole taxonomy, inactive and staff-only entries included, for the supervisors' editor. */
export function useTaxonomy() {
  return useQuery({
    queryKey: [...TAXONOMY_KEY, 'editor', currentLanguage()],
    queryFn: ({ signal }) => apiRequest({ path: TAXONOMY_PATH, signal, parse: parseTaxonomy }),
  })
}

function namedNode(
  record: Record<string, unknown>,
  level: 1 | 2 | 3,
  parentCode: string | null,
): CategoryNode {
  const nameIt = readString(record, 'nameIt')
  const nameEn = readString(record, 'nameEn')
  return {
    code: readString(record, 'code'),
    parentCode,
    level,
    name: currentLanguage() === 'en' && nameEn ? nameEn : nameIt,
    nameIt,
    nameEn,
    teamCode: null,
    process: 'standard',
    firstResponseMinutes: null,
    resolutionMinutes: null,
    citizenVisible: true,
    active: true,
    position: 0,
  }
}

/** The citizens' taxonomy (areas with topics with details) as a flat list of nodes. */
function parsePublicTaxonomy(value: unknown): CategoryNode[] {
  const nodes: CategoryNode[] = []
  for (const areaValue of readList(asRecord(value, 'taxonomy').areas, 'areas', (item) =>
    asRecord(item, 'area'),
  )) {
    const area = namedNode(areaValue, 1, null)
    nodes.push(area)
    for (const topicValue of readList(areaValue.topics, 'topics', (item) => asRecord(item, 'topic'))) {
      const topic = namedNode(topicValue, 2, area.code)
      nodes.push(topic)
      for (const detail of readList(topicValue.details, 'details', (item) => asRecord(item, 'detail'))) {
        nodes.push(namedNode(detail, 3, topic.code))
      }
    }
  }
  return nodes
}

/**
 * The triplets staff may choose from: supervisors read the whole taxonomy, operators the one the
 * citizens' form offers (the server lets only supervisors read the rest).
 */
export function useTripletCategories() {
  const session = useSignedInSession()
  const supervisor = session ? isCrmSupervisor(session) : false
  return useQuery({
    queryKey: [...TAXONOMY_KEY, supervisor ? 'full' : 'public', currentLanguage()],
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) =>
      supervisor
        ? apiRequest({
            path: TAXONOMY_PATH,
            signal,
            parse: parseTaxonomy,
          })
        : apiRequest({ path: '/tickets/categories', signal, parse: parsePublicTaxonomy }),
  })
}

/** "Area › Topic › Detail" for a detail's code. */
export function tripletLabel(categories: readonly CategoryNode[], detailCode: string): string {
  const detail = categories.find((entry) => entry.code === detailCode)
  if (!detail) return detailCode
  const names: string[] = [detail.name]
  let parent = categories.find((entry) => entry.code === detail.parentCode)
  while (parent) {
    names.unshift(parent.name)
    const parentCode: string | null = parent.parentCode
    parent = categories.find((entry) => entry.code === parentCode)
  }
  return names.join(' › ')
}
