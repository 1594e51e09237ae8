/**
 * Analytics periods and buckets (pure, UTC). A period is a half-open window `[from, to)` of whole UTC days:
 * `7d`, `30d`, `90d` end with today (to = the start of tomorrow); `custom` spans `from`..`to` (both dates
 * inclusive). The previous period is the window of the same length just before. Series are bucketed by day,
 * ISO week (Monday) or month — the same keys PostgreSQL's `date_trunc` gives — and every bucket of the window
 * is present, a bucket with nothing being zero.
 */
export const PERIODS = ['7d', '30d', '90d', 'custom'] as const
export type PeriodName = (typeof PERIODS)[number]
export const GRANULARITIES = ['day', 'week', 'month'] as const
export type Granularity = (typeof GRANULARITIES)[number]

export const DAY_MS = 86_400_000
/** The longest custom window (days). */
export const MAX_PERIOD_DAYS = 366

export interface Period {
  name: PeriodName
  from: Date
  to: Date
  previousFrom: Date
  previousTo: Date
  days: number
  granularity: Granularity
}

export const startOfUtcDay = (d: Date): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * DAY_MS)

/** Day buckets up to 31 days, weeks beyond (the series a chart can show). */
export const defaultGranularity = (days: number): Granularity => (days <= 31 ? 'day' : 'week')

export type PeriodInput = { period?: PeriodName; from?: Date; to?: Date; groupBy?: Granularity }

/** The period asked for, or a message naming what is wrong with the input. */
export function resolvePeriod(input: PeriodInput, now: Date = new Date()): Period | { error: string; path: string } {
  const name = input.period ?? (input.from || input.to ? 'custom' : '30d')
  let from: Date
  let to: Date
  if (name === 'custom') {
    if (!input.from) return { error: 'from is required for a custom period.', path: 'from' }
    if (!input.to) return { error: 'to is required for a custom period.', path: 'to' }
    from = startOfUtcDay(input.from)
    to = addDays(startOfUtcDay(input.to), 1)
    if (to.getTime() <= from.getTime()) return { error: 'to must not be before from.', path: 'to' }
    if ((to.getTime() - from.getTime()) / DAY_MS > MAX_PERIOD_DAYS) return { error: `A custom period may span at most ${MAX_PERIOD_DAYS} days.`, path: 'from' }
  } else {
    to = addDays(startOfUtcDay(now), 1)
    from = addDays(to, -Number(name.slice(0, -1)))
  }
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS)
  return { name, from, to, previousFrom: addDays(from, -days), previousTo: from, days, granularity: input.groupBy ?? defaultGranularity(days) }
}

/** The bucket a time falls in (`YYYY-MM-DD` of the bucket's first day), as `date_trunc(unit, t at time zone 'UTC')`. */
export function bucketOf(t: Date, unit: Granularity): string {
  const d = startOfUtcDay(t)
  if (unit === 'week') {
    const dow = (d.getUTCDay() + 6) % 7 // Monday = 0
    return addDays(d, -dow).toISOString().slice(0, 10)
  }
  if (unit === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)).toISOString().slice(0, 10)
  return d.toISOString().slice(0, 10)
}

/** Every bucket that overlaps `[from, to)`, in order. */
export function bucketsOf(from: Date, to: Date, unit: Granularity): string[] {
  const out: string[] = []
  let key = bucketOf(from, unit)
  while (new Date(`${key}T00:00:00Z`).getTime() < to.getTime()) {
    out.push(key)
    const d = new Date(`${key}T00:00:00Z`)
    const next = unit === 'day' ? addDays(d, 1) : unit === 'week' ? addDays(d, 7) : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
    key = next.toISOString().slice(0, 10)
  }
  return out
}

export interface SeriesPoint<K extends string = string> {
  bucket: string
  values: Record<K, number>
}

/** Rows `{ bucket, <metric>: n }` from SQL → one point per bucket of the window, zeros where a bucket had no row. */
export function zeroFill<K extends string>(buckets: string[], metrics: readonly K[], rows: Array<{ bucket: string } & Partial<Record<K, number>>>): Array<{ bucket: string } & Record<K, number>> {
  const byBucket = new Map(rows.map((r) => [r.bucket, r]))
  return buckets.map((bucket) => {
    const row = byBucket.get(bucket)
    const point = { bucket } as { bucket: string } & Record<K, number>
    for (const m of metrics) (point as Record<string, unknown>)[m] = Number(row?.[m] ?? 0)
    return point
  })
}

export interface Kpi {
  current: number
  previous: number
  /** Percent change from the previous period, one decimal; null when the previous period was zero. */
  changePercent: number | null
}

export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100

export function kpi(current: number, previous: number): Kpi {
  return { current, previous, changePercent: previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10 }
}

/** `part / whole` as a percentage with one decimal (0 when whole is 0). */
export const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10)
