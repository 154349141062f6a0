import { z } from 'zod'
import { ZQueueItem } from './schema.js'

export const ZDashboardQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
})

export const ZDashboard = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  backlog: z.array(z.object({ teamCode: z.string(), status: z.string(), count: z.number().int() })),
  atRisk: z.array(ZQueueItem),
  breached: z.array(ZQueueItem),
  volumesByChannel: z.array(z.object({ channel: z.string(), count: z.number().int() })),
  volumesByTriplet: z.array(
    z.object({
      detailCode: z.string().nullable(),
      detail: z.string().nullable(),
      topic: z.string().nullable(),
      area: z.string().nullable(),
      count: z.number().int(),
    }),
  ),
})
