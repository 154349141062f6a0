import type { TimelineSource } from '../../platform/timeline-source.js'
import { bookingsTimelineSql } from './repo.js'

/** A citizen's appointments, as their part of the CRM's 360° view; the CRM audits the reading. */
export const appointmentsTimeline: TimelineSource = bookingsTimelineSql
