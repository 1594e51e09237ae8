/**
 * The comparison table as a pure function: up to four cars side by side — one row per spec with the values
 * aligned to the cars' order, a `differs` flag, and a features matrix (feature × car → has it).
 */

export const MAX_COMPARISON_CARS = 4

export interface ComparisonCar {
  id: number
  title?: string | null
  make?: unknown
  model?: unknown
  features?: ({ id: number; name?: string | null } | number)[] | null
}

export interface SpecDef {
  field: string
  label: string
  /** Reads the value from the car document (dotted paths and populated relations are handled). */
  get?: (car: ComparisonCar) => unknown
}

const nameOf = (v: unknown): unknown => (v && typeof v === 'object' ? ((v as { name?: unknown; title?: unknown }).name ?? (v as { title?: unknown }).title ?? (v as { id?: unknown }).id) : v)

const path = (car: ComparisonCar, p: string): unknown => p.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), car)

export const COMPARISON_SPECS: SpecDef[] = [
  { field: 'title', label: 'Title' },
  { field: 'make', label: 'Make', get: (c) => nameOf(c.make) },
  { field: 'model', label: 'Model', get: (c) => nameOf(c.model) },
  { field: 'year', label: 'Year' },
  { field: 'price', label: 'Price' },
  { field: 'currency', label: 'Currency' },
  { field: 'condition', label: 'Condition' },
  { field: 'mileage', label: 'Mileage' },
  { field: 'fuelType', label: 'Fuel' },
  { field: 'transmission', label: 'Transmission' },
  { field: 'driveType', label: 'Drive' },
  { field: 'bodyType', label: 'Body' },
  { field: 'location.city', label: 'City' },
  { field: 'status', label: 'Status' },
  { field: 'rating.average', label: 'Rating' },
]

export interface ComparisonRow {
  field: string
  label: string
  values: unknown[]
  /** True when not every car has the same value. */
  differs: boolean
}

export interface ComparisonTable {
  cars: { id: number; title: string | null }[]
  rows: ComparisonRow[]
  features: { id: number; name: string; values: boolean[] }[]
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Builds the table for `cars` in the given order (missing values are `null`). */
export function buildComparisonTable(cars: ComparisonCar[], specs: SpecDef[] = COMPARISON_SPECS): ComparisonTable {
  if (cars.length > MAX_COMPARISON_CARS) throw new Error(`A comparison holds at most ${MAX_COMPARISON_CARS} cars.`)
  const rows = specs.map((s) => {
    const values = cars.map((c) => {
      const v = s.get ? s.get(c) : path(c, s.field)
      return v === undefined ? null : v
    })
    return { field: s.field, label: s.label, values, differs: values.some((v) => !same(v, values[0])) }
  })
  const featureNames = new Map<number, string>()
  const sets = cars.map((c) => {
    const ids = new Set<number>()
    for (const f of c.features ?? []) {
      const id = typeof f === 'object' && f ? f.id : f
      if (typeof id !== 'number') continue
      ids.add(id)
      if (!featureNames.has(id) || (typeof f === 'object' && f?.name)) featureNames.set(id, (typeof f === 'object' && f?.name) || featureNames.get(id) || `#${id}`)
    }
    return ids
  })
  const features = [...featureNames.entries()].sort((a, b) => a[1].localeCompare(b[1]) || a[0] - b[0]).map(([id, name]) => ({ id, name, values: sets.map((s) => s.has(id)) }))
  return { cars: cars.map((c) => ({ id: c.id, title: (c.title as string | null | undefined) ?? null })), rows, features }
}
