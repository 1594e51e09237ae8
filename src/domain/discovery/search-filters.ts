/**
 * Saved-search filters as pure functions (no Payload import): validation of the `filters` JSON a user saves,
 * and its translation to a Payload `where` over `cars` — the same shape a client sends to `GET /api/cars`.
 */
import { idOf } from '@/domain/ids'

export interface CarFilters {
  q?: string
  make?: number
  model?: number
  yearMin?: number
  yearMax?: number
  priceMin?: number
  priceMax?: number
  mileageMax?: number
  fuelType?: string[]
  transmission?: string[]
  bodyType?: string[]
  condition?: string[]
  driveType?: string[]
  city?: string
  /** Feature ids the car must all have. */
  features?: number[]
}

export type Where = Record<string, unknown>

const NUMBER_KEYS = ['yearMin', 'yearMax', 'priceMin', 'priceMax', 'mileageMax'] as const
const ID_KEYS = ['make', 'model'] as const
const CHOICE_KEYS = ['fuelType', 'transmission', 'bodyType', 'condition', 'driveType'] as const
const KNOWN = new Set<string>(['q', 'city', 'features', ...NUMBER_KEYS, ...ID_KEYS, ...CHOICE_KEYS])
const CHOICE = /^[a-z0-9_]{1,40}$/

export interface FilterError {
  path: string
  message: string
}

/**
 * Validates and normalizes saved-search filters. Unknown keys, wrong types and inverted ranges are errors
 * (paths like `filters.priceMin`); choices accept a string or an array of snake_case strings.
 */
export function parseCarFilters(input: unknown): { filters: CarFilters; errors: FilterError[] } {
  const errors: FilterError[] = []
  const filters: CarFilters = {}
  if (input === undefined || input === null) return { filters, errors }
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { filters, errors: [{ path: 'filters', message: 'filters must be an object.' }] }
  }
  const src = input as Record<string, unknown>
  for (const key of Object.keys(src)) {
    if (!KNOWN.has(key)) errors.push({ path: `filters.${key}`, message: `Unknown filter ${key}.` })
  }
  const present = (k: string) => src[k] !== undefined && src[k] !== null && src[k] !== ''
  if (present('q')) {
    if (typeof src.q !== 'string' || src.q.trim().length > 200) errors.push({ path: 'filters.q', message: 'q must be text of at most 200 characters.' })
    else filters.q = src.q.trim()
  }
  if (present('city')) {
    if (typeof src.city !== 'string' || src.city.trim().length > 100) errors.push({ path: 'filters.city', message: 'city must be text of at most 100 characters.' })
    else filters.city = src.city.trim()
  }
  for (const k of ID_KEYS) {
    if (!present(k)) continue
    const id = idOf(src[k])
    if (id === null) errors.push({ path: `filters.${k}`, message: `${k} must be a valid id.` })
    else filters[k] = id
  }
  for (const k of NUMBER_KEYS) {
    if (!present(k)) continue
    const raw = src[k]
    const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) errors.push({ path: `filters.${k}`, message: `${k} must be a number ≥ 0.` })
    else filters[k] = n
  }
  for (const k of CHOICE_KEYS) {
    if (!present(k)) continue
    const list = Array.isArray(src[k]) ? (src[k] as unknown[]) : [src[k]]
    if (!list.length || list.some((v) => typeof v !== 'string' || !CHOICE.test(v))) {
      errors.push({ path: `filters.${k}`, message: `${k} must be a value or a list of values.` })
    } else filters[k] = [...new Set(list as string[])]
  }
  if (present('features')) {
    const list = Array.isArray(src.features) ? src.features : [src.features]
    const ids = list.map(idOf)
    if (!list.length || ids.some((v) => v === null)) errors.push({ path: 'filters.features', message: 'features must be a list of ids.' })
    else filters.features = [...new Set(ids as number[])]
  }
  const range = (min: keyof CarFilters, max: keyof CarFilters) => {
    const a = filters[min] as number | undefined
    const b = filters[max] as number | undefined
    if (a !== undefined && b !== undefined && a > b) errors.push({ path: `filters.${String(min)}`, message: `${String(min)} must not exceed ${String(max)}.` })
  }
  range('yearMin', 'yearMax')
  range('priceMin', 'priceMax')
  return { filters, errors }
}

/** The Payload `where` (over `cars`) for the filters; `extra` conditions are AND-ed. */
export function carFiltersToWhere(filters: CarFilters, ...extra: Where[]): Where {
  const and: Where[] = [...extra]
  if (filters.make) and.push({ make: { equals: filters.make } })
  if (filters.model) and.push({ model: { equals: filters.model } })
  if (filters.yearMin !== undefined) and.push({ year: { greater_than_equal: filters.yearMin } })
  if (filters.yearMax !== undefined) and.push({ year: { less_than_equal: filters.yearMax } })
  if (filters.priceMin !== undefined) and.push({ price: { greater_than_equal: filters.priceMin } })
  if (filters.priceMax !== undefined) and.push({ price: { less_than_equal: filters.priceMax } })
  if (filters.mileageMax !== undefined) and.push({ mileage: { less_than_equal: filters.mileageMax } })
  for (const k of CHOICE_KEYS) {
    const values = filters[k]
    if (values?.length) and.push({ [k]: values.length === 1 ? { equals: values[0] } : { in: values } })
  }
  if (filters.city) and.push({ 'location.city': { like: filters.city } })
  for (const f of filters.features ?? []) and.push({ features: { equals: f } })
  if (filters.q) and.push({ title: { like: filters.q } })
  return { and }
}

/** A short human summary of the filters, for notification texts (`Toyota · 2018–2022 · ≤ 25000`). */
export function describeFilters(filters: CarFilters, names: { make?: string; model?: string } = {}): string {
  const parts: string[] = []
  if (filters.q) parts.push(`"${filters.q}"`)
  if (names.make) parts.push(names.make)
  if (names.model) parts.push(names.model)
  if (filters.yearMin !== undefined || filters.yearMax !== undefined) parts.push(`${filters.yearMin ?? '…'}–${filters.yearMax ?? '…'}`)
  if (filters.priceMin !== undefined) parts.push(`≥ ${filters.priceMin}`)
  if (filters.priceMax !== undefined) parts.push(`≤ ${filters.priceMax}`)
  if (filters.mileageMax !== undefined) parts.push(`≤ ${filters.mileageMax} km`)
  for (const k of CHOICE_KEYS) if (filters[k]?.length) parts.push(filters[k]!.join('/'))
  if (filters.city) parts.push(filters.city)
  return parts.join(' · ') || 'all listings'
}

// ---------- alert scheduling ----------

export const ALERT_FREQUENCIES = ['instant', 'daily', 'weekly'] as const
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number]

const HOUR = 3600_000
export const FREQUENCY_MS: Record<AlertFrequency, number> = { instant: 0, daily: 24 * HOUR, weekly: 7 * 24 * HOUR }

/** Whether a saved search is due for a check at `now` (instant: every run; daily/weekly: once per period). */
export function isDue(frequency: AlertFrequency, lastCheckedAt: Date | null, now: Date): boolean {
  if (!lastCheckedAt) return true
  return now.getTime() - lastCheckedAt.getTime() >= FREQUENCY_MS[frequency]
}

/**
 * The start of the window of "new" listings: everything published after the last check (or, before the
 * first check, after the search was saved — existing listings are not news).
 */
export function alertWindowStart(s: { lastCheckedAt?: Date | null; lastNotifiedAt?: Date | null; createdAt: Date }): Date {
  const candidates = [s.lastCheckedAt, s.lastNotifiedAt, s.createdAt].filter((d): d is Date => d instanceof Date && !Number.isNaN(d.getTime()))
  return new Date(Math.max(...candidates.map((d) => d.getTime())))
}
