import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { apiRequest } from '../../app/api/api-client'
import { asRecord, readList, readString } from '../../app/api/parse'
import type { WriteKind } from './write-draft'

/** A detail closes the triplet area → topic → detail; requests are filed under one. */
export interface CategoryDetail {
  code: string
  name: string
}

export interface CategoryTopic {
  code: string
  name: string
  details: CategoryDetail[]
}

export interface CategoryArea {
  code: string
  name: string
  topics: CategoryTopic[]
}

/** A detail carrying this process is a letter to the mayor, filed on the mayor's channel. */
const MAYOR_PROCESS = 'mayor-letter'
/**
 * The public taxonomy may not say a detail's process: the mayor's letters are then the details of
 * the mayor's own area, the "Posta del Sindaco".
 */
const MAYOR_AREA_CODE = 'posta-sindaco'

interface Names {
  code: string
  nameIt: string
  nameEn: string
}

/** The taxonomy as the server sends it, both languages side by side. */
interface RawDetail extends Names {
  process: string | null
}
interface RawTopic extends Names {
  details: RawDetail[]
}
interface RawArea extends Names {
  topics: RawTopic[]
}

function readNames(value: unknown, what: string): Names & { record: Record<string, unknown> } {
  const record = asRecord(value, what)
  const nameIt = readString(record, 'nameIt')
  return {
    record,
    code: readString(record, 'code'),
    nameIt,
    nameEn: typeof record.nameEn === 'string' && record.nameEn ? record.nameEn : nameIt,
  }
}

function parseTaxonomy(value: unknown): RawArea[] {
  return readList(asRecord(value, 'taxonomy').areas, 'areas', (areaValue) => {
    const { record: area, ...areaNames } = readNames(areaValue, 'area')
    return {
      ...areaNames,
      topics: readList(area.topics, 'topics', (topicValue) => {
        const { record: topic, ...topicNames } = readNames(topicValue, 'topic')
        return {
          ...topicNames,
          details: readList(topic.details, 'details', (detailValue) => {
            const { record: detail, ...detailNames } = readNames(detailValue, 'detail')
            return { ...detailNames, process: typeof detail.process === 'string' ? detail.process : null }
          }),
        }
      }),
    }
  })
}

function isMayorLetter(area: RawArea, detail: RawDetail): boolean {
  return detail.process === null ? area.code === MAYOR_AREA_CODE : detail.process === MAYOR_PROCESS
}

/**
 * The part of the taxonomy a form offers, in the page's language: the mayor's letters for the
 * "Posta del Sindaco", every other detail for "Scrivi al Comune". Empty topics and areas go.
 */
export function taxonomyFor(kind: WriteKind, areas: RawArea[], language: string): CategoryArea[] {
  const name = (names: Names) => (language === 'en' ? names.nameEn : names.nameIt)
  return areas
    .map((area) => ({
      code: area.code,
      name: name(area),
      topics: area.topics
        .map((topic) => ({
          code: topic.code,
          name: name(topic),
          details: topic.details
            .filter((detail) => isMayorLetter(area, detail) === (kind === 'mayor'))
            .map((detail) => ({ code: detail.code, name: name(detail) })),
        }))
        .filter((topic) => topic.details.length > 0),
    }))
    .filter((area) => area.topics.length > 0)
}

/** The citizen-visible, active taxonomy; public, so it serves visitors who are not signed in too. */
export function useTaxonomy(kind: WriteKind) {
  const { i18n } = useTranslation()
  const language = i18n.language
  return useQuery({
    queryKey: ['tickets', 'categories'],
    queryFn: ({ signal }) => apiRequest({ path: '/tickets/categories', signal, parse: parseTaxonomy }),
    select: (areas) => taxonomyFor(kind, areas, language),
    staleTime: 10 * 60_000,
  })
}

export interface ChosenCategory {
  area: CategoryArea | undefined
  topic: CategoryTopic | undefined
  detail: CategoryDetail | undefined
}

export function chosenCategory(
  areas: CategoryArea[],
  codes: { areaCode: string; topicCode: string; detailCode: string },
): ChosenCategory {
  const area = areas.find((entry) => entry.code === codes.areaCode)
  const topic = area?.topics.find((entry) => entry.code === codes.topicCode)
  const detail = topic?.details.find((entry) => entry.code === codes.detailCode)
  return { area, topic, detail }
}
