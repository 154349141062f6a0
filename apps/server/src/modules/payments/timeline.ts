import type { TimelineSource } from '../../platform/timeline-source.js'
import { paymentEventsTimelineSql } from './repo.js'

/** Notices issued to a citizen and their payments, as their part of the CRM's 360° view. */
export const paymentsTimeline: TimelineSource = paymentEventsTimelineSql
