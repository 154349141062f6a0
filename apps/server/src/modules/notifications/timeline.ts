import type { TimelineSource } from '../../platform/timeline-source.js'
import { messagesTimelineSql } from './repo.js'

/** What the city sent a citizen, as its part of the CRM's 360° view. */
export const messagesTimeline: TimelineSource = messagesTimelineSql
