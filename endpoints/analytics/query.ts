/** The query every analytics endpoint takes: `period=7d|30d|90d|custom&from&to` (and `groupBy=day|week|month`). */
import { z } from 'zod'

import { type Granularity, GRANULARITIES, type Period, type PeriodName, PERIODS, resolvePeriod } from '@/domain/analytics/period'
import { optDate } from '@/http/fields'

const oneOf = <T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(values, { error: `${name} must be one of ${values.join(', ')}.` }).optional())

export const periodShape = { period: oneOf('period', PERIODS), from: optDate('from'), to: optDate('to'), groupBy: oneOf('groupBy', GRANULARITIES) }

/** Parses the period fields of `shape` (plus any extra fields) into `{ period, …extra }`; a bad period is a 400 naming the field. */
export function periodQuery<E extends z.ZodRawShape>(extra: E = {} as E) {
  return z.object({ ...periodShape, ...extra }).transform((q, ctx) => {
    const { period: name, from, to, groupBy, ...rest } = q as { period?: PeriodName; from?: Date; to?: Date; groupBy?: Granularity } & Record<string, unknown>
    const period = resolvePeriod({ period: name, from, to, groupBy })
    if ('error' in period) {
      ctx.addIssue({ code: 'custom', path: [period.path], message: period.error })
      return z.NEVER
    }
    return { period, ...rest } as { period: Period } & z.output<z.ZodObject<E>>
  })
}
