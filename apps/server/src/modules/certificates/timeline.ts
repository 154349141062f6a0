import type { TimelineSource } from '../../platform/timeline-source.js'
import { requestedCertificatesTimelineSql } from './repo.js'

/** The certificates a citizen requested, as their part of the CRM's 360° view. */
export const certificatesTimeline: TimelineSource = requestedCertificatesTimelineSql
