import { describe, expect, it } from 'vitest'

import { jobsConfig, runsQueueHere } from '@/jobs'

describe('where the Jobs Queue runs', () => {
  it('only in a process with JOBS_AUTORUN on, never in tests', () => {
    expect(runsQueueHere({ jobsAutoRun: true, isTest: false })).toBe(true)
    expect(runsQueueHere({ jobsAutoRun: false, isTest: false })).toBe(false)
    expect(runsQueueHere({ jobsAutoRun: true, isTest: true })).toBe(false)
  })

  it('a process that does not run it gets no cron at all (no background scheduling either)', async () => {
    const autoRun = jobsConfig().autoRun
    expect(typeof autoRun).toBe('function')
    expect(await (autoRun as (p: never) => unknown)({} as never)).toEqual([])
  })
})
