import { z } from 'zod'
import { MAX_PHOTOS } from './photos.js'
import { REPORT_STATUSES } from './policy.js'

const ZLat = z.coerce.number().min(-90).max(90)
const ZLong = z.coerce.number().min(-180).max(180)
const ZCode = z.string().trim().min(1).max(60)
const ZEmail = z.string().trim().email().max(254)

export const ZReportCode = z.object({ code: z.string().regex(/^S\d{4}-[0-9A-Z]{6}$/) })
export const ZPhotoParams = ZReportCode.extend({ position: z.coerce.number().int().min(1).max(MAX_PHOTOS) })

/** A photo of a JSON form, in base64; its type is read from the bytes, never from this. */
export const ZPhotoIn = z.object({
  name: z.string().max(200).optional(),
  type: z.string().max(100).optional(),
  data: z
    .string()
    .min(1)
    .max(12_000_000)
    .regex(/^[A-Za-z0-9+/=\s]+$/),
})

export const ZCreateReportInput = z
  .object({
    categoryCode: ZCode,
    lat: ZLat.optional(),
    long: ZLong.optional(),
    address: z.string().trim().min(3).max(300).optional(),
    description: z.string().trim().min(10).max(4000),
    photos: z.array(ZPhotoIn).max(MAX_PHOTOS).default([]),
    /** Without a citizen session: the address verified with a code, and its proof. */
    email: ZEmail.optional(),
    proof: z.string().min(10).max(200).optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .refine((input) => (input.lat === undefined) === (input.long === undefined), {
    message: 'lat and long go together',
    path: ['long'],
  })
  .refine((input) => input.lat !== undefined || input.address !== undefined, {
    message: 'a position or an address is required',
    path: ['address'],
  })
export type CreateReportInput = z.infer<typeof ZCreateReportInput>

export const ZCreatedReport = z.object({
  code: z.string(),
  status: z.enum(REPORT_STATUSES),
  ticketCode: z.string(),
  createdAt: z.string(),
})

export const ZNearbyQuery = z.object({
  categoryCode: ZCode,
  lat: ZLat,
  long: ZLong,
  limit: z.coerce.number().int().min(1).max(20).default(5),
})

export const ZSupportInput = z.object({
  email: ZEmail.optional(),
  proof: z.string().min(10).max(200).optional(),
})
export const ZSupported = z.object({ code: z.string(), supportCount: z.number().int(), added: z.boolean() })

const csvList = z
  .string()
  .max(2000)
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
const ZDegrees = (max: number) => z.number().min(-max).max(max)

const ZListFields = z.object({
  /** The viewport: south,west,north,east in degrees. */
  bbox: z
    .string()
    .max(200)
    .transform((text) => text.split(',').map(Number))
    .pipe(z.tuple([ZDegrees(90), ZDegrees(180), ZDegrees(90), ZDegrees(180)]))
    .optional(),
  category: csvList.pipe(z.array(ZCode).max(50)).optional(),
  status: csvList.pipe(z.array(z.enum(REPORT_STATUSES)).max(3)).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
type BoxedQuery = { bbox?: readonly number[] }
const boxInOrder = (query: BoxedQuery) =>
  !query.bbox ||
  ((query.bbox[0] ?? 0) <= (query.bbox[2] ?? 0) && (query.bbox[1] ?? 0) <= (query.bbox[3] ?? 0))
const BOX_ORDER = { message: 'bbox is south,west,north,east', path: ['bbox'] }

export const ZListQuery = ZListFields.refine(boxInOrder, BOX_ORDER)
export type ListQuery = z.infer<typeof ZListQuery>

/** The map asks for pins in its viewport: more of them, and lighter, than the list. */
export const ZMapQuery = ZListFields.extend({
  bbox: ZListFields.shape.bbox.unwrap(),
  limit: z.coerce.number().int().min(1).max(1000).default(300),
}).refine(boxInOrder, BOX_ORDER)
export type MapQuery = z.infer<typeof ZMapQuery>

export const ZPublicReport = z.object({
  code: z.string(),
  category: z.object({ code: z.string(), name: z.string(), group: z.string() }),
  status: z.enum(REPORT_STATUSES),
  description: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  supportCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  photos: z.array(z.object({ position: z.number().int(), thumbnailUrl: z.string() })),
})
export type PublicReport = z.infer<typeof ZPublicReport>

export const ZPublicReportPage = ZPublicReport.extend({
  history: z.array(
    z.object({ status: z.enum(REPORT_STATUSES), note: z.string().nullable(), at: z.string() }),
  ),
})
export type PublicReportPage = z.infer<typeof ZPublicReportPage>

export const ZPublicReportList = z.object({ items: z.array(ZPublicReport) })
export const ZMapMarkers = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      lat: z.number(),
      long: z.number(),
      status: z.enum(REPORT_STATUSES),
      categoryCode: z.string(),
      createdAt: z.string(),
    }),
  ),
})
export const ZNearbyReports = z.object({
  items: z.array(ZPublicReport.extend({ distanceMetres: z.number() })),
})

export const ZStatusUpdateInput = z.object({
  status: z.enum(REPORT_STATUSES),
  publicNote: z.string().trim().min(1).max(2000).optional(),
})
