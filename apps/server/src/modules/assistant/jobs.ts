import { z } from 'zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { blankOldTranscripts } from './figures.js'

export const BLANK_TRANSCRIPTS_JOB = 'assistant.blank-old-transcripts'

/** Every night, what people typed to the assistant past its retention is blanked; the counts stay. */
export function registerAssistantJobs(deps: AppDependencies): void {
  deps.jobs.define({
    name: BLANK_TRANSCRIPTS_JOB,
    payload: z.object({}).passthrough(),
    cron: '20 3 * * *',
    handle: async () => {
      const blanked = await blankOldTranscripts({ db: deps.db, clock: deps.clock })
      if (blanked > 0) deps.logger.info({ blanked }, 'assistant transcripts past retention blanked')
    },
  })
}
