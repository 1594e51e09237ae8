/**
 * Dealer bulk inventory (docs/catalog.md, "Bulk inventory"): the CSV template, parsing, and the per-row check
 * (VIN with check digit, known make and model, price, year, mileage, options). Pure: no Payload import.
 */
import { BODY_TYPES, CAR_CONDITIONS, FUEL_TYPES, TRANSMISSIONS } from './options'
import { validateVin } from './vin'

/** The template's columns, in order; `vin`, `make`, `model`, `year`, `price` are required. */
export const INVENTORY_COLUMNS = [
  'vin',
  'make',
  'model',
  'year',
  'price',
  'currency',
  'mileage',
  'condition',
  'title',
  'description',
  'fuelType',
  'transmission',
  'bodyType',
  'exteriorColor',
  'city',
] as const
export type InventoryColumn = (typeof INVENTORY_COLUMNS)[number]
export const REQUIRED_COLUMNS: readonly InventoryColumn[] = ['vin', 'make', 'model', 'year', 'price']
export const MAX_IMPORT_ROWS = 20_000
export const MAX_PRICE = 100_000_000

export const TEMPLATE_EXAMPLE: Record<InventoryColumn, string> = {
  vin: '1HGCM82633A004352',
  make: 'Toyota',
  model: 'Corolla',
  year: '2019',
  price: '15500.00',
  currency: 'USD',
  mileage: '45000',
  condition: 'used',
  title: '',
  description: 'One owner, full service history',
  fuelType: 'petrol',
  transmission: 'automatic',
  bodyType: 'sedan',
  exteriorColor: 'White',
  city: 'Dubai',
}

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
export const csvLine = (cells: readonly string[]): string => cells.map(csvCell).join(',')

/** The downloadable template: the header and one example row. */
export const inventoryTemplate = (): string => `${csvLine(INVENTORY_COLUMNS)}\r\n${csvLine(INVENTORY_COLUMNS.map((c) => TEMPLATE_EXAMPLE[c]))}\r\n`

/** RFC 4180 CSV → rows of cells (quoted fields, doubled quotes, CRLF or LF). A BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else cell += ch
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''))
}

export interface RowError {
  field: string
  message: string
}

export interface InventoryRow {
  vin: string
  makeId: number
  modelId: number
  year: number
  price: number
  currency: string
  mileage: number
  condition: (typeof CAR_CONDITIONS)[number]
  title: string
  description: string | null
  fuelType: string | null
  transmission: string | null
  bodyType: string | null
  exteriorColor: string | null
  city: string | null
}

/** Known makes and models, by normalized name (and slug): `makes` name → id, `models` `${makeId}:${name}` → id. */
export interface CatalogRefs {
  makes: Map<string, { id: number; name: string }>
  models: Map<string, { id: number; name: string; yearFrom?: number | null; yearTo?: number | null }>
}

export const refKey = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')

export type CheckedRow = { row: number; vin: string | null; ok: true; value: InventoryRow } | { row: number; vin: string | null; ok: false; errors: RowError[] }

const num = (s: string): number | null => (s.trim() === '' || !/^-?\d+(\.\d+)?$/.test(s.trim()) ? null : Number(s.trim()))

function option<T extends string>(field: string, raw: string, values: readonly T[], errors: RowError[]): T | null {
  const v = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  if (!v) return null
  if ((values as readonly string[]).includes(v)) return v as T
  errors.push({ field, message: `${field} must be one of ${values.join(', ')}.` })
  return null
}

/** Checks one data row (`row` is its 1-based line number in the file, the header being line 1). */
export function checkInventoryRow(row: number, cells: Record<string, string>, refs: CatalogRefs, now = new Date()): CheckedRow {
  const errors: RowError[] = []
  const get = (c: InventoryColumn) => (cells[c] ?? '').trim()
  for (const c of REQUIRED_COLUMNS) if (!get(c)) errors.push({ field: c, message: `${c} is required.` })

  let vin: string | null = get('vin') || null
  if (vin) {
    const checked = validateVin(vin)
    if (checked.ok) vin = checked.vin
    else errors.push({ field: 'vin', message: checked.error })
  }
  const make = get('make') ? refs.makes.get(refKey(get('make'))) : undefined
  if (get('make') && !make) errors.push({ field: 'make', message: `Unknown make "${get('make')}".` })
  const model = make && get('model') ? refs.models.get(`${make.id}:${refKey(get('model'))}`) : undefined
  if (make && get('model') && !model) errors.push({ field: 'model', message: `Unknown model "${get('model')}" for ${make.name}.` })

  const year = num(get('year'))
  const maxYear = now.getUTCFullYear() + 1
  if (get('year') && (year === null || !Number.isInteger(year) || year < 1900 || year > maxYear)) errors.push({ field: 'year', message: `year must be a whole number from 1900 to ${maxYear}.` })
  else if (year !== null && model && ((model.yearFrom && year < model.yearFrom) || (model.yearTo && year > model.yearTo))) {
    errors.push({ field: 'year', message: `${model.name} was not made in ${year}.` })
  }
  const price = num(get('price'))
  if (get('price') && (price === null || price <= 0 || price > MAX_PRICE || Math.round(price * 100) !== price * 100)) {
    errors.push({ field: 'price', message: `price must be a positive amount up to ${MAX_PRICE} with at most 2 decimals.` })
  }
  const mileage = get('mileage') ? num(get('mileage')) : 0
  if (mileage === null || !Number.isInteger(mileage) || mileage < 0) errors.push({ field: 'mileage', message: 'mileage must be a whole number ≥ 0.' })
  const currency = (get('currency') || 'USD').toUpperCase()
  if (!/^[A-Z]{3}$/.test(currency)) errors.push({ field: 'currency', message: 'currency must be a 3-letter code.' })
  const condition = option('condition', get('condition'), CAR_CONDITIONS, errors) ?? 'used'
  const fuelType = option('fuelType', get('fuelType'), FUEL_TYPES, errors)
  const transmission = option('transmission', get('transmission'), TRANSMISSIONS, errors)
  const bodyType = option('bodyType', get('bodyType'), BODY_TYPES, errors)
  for (const [c, max] of [
    ['title', 200],
    ['description', 20000],
    ['exteriorColor', 60],
    ['city', 100],
  ] as const) {
    if (get(c).length > max) errors.push({ field: c, message: `${c} may be at most ${max} characters.` })
  }
  if (errors.length) return { row, vin, ok: false, errors }
  return {
    row,
    vin,
    ok: true,
    value: {
      vin: vin!,
      makeId: make!.id,
      modelId: model!.id,
      year: year!,
      price: price!,
      currency,
      mileage: mileage!,
      condition,
      title: get('title') || `${year} ${make!.name} ${model!.name}`,
      description: get('description') || null,
      fuelType,
      transmission,
      bodyType,
      exteriorColor: get('exteriorColor') || null,
      city: get('city') || null,
    },
  }
}

export interface ParsedInventory {
  /** A problem with the file itself (no header, missing columns, too many rows): nothing is checked. */
  fileErrors: RowError[]
  rows: { row: number; cells: Record<string, string> }[]
}

/** Splits the file into header-keyed rows (unknown columns are ignored, required ones must be present). */
export function readInventoryCsv(text: string): ParsedInventory {
  const lines = parseCsv(text)
  if (!lines.length) return { fileErrors: [{ field: 'file', message: 'The file is empty.' }], rows: [] }
  const header = lines[0].map((h) => h.trim())
  const known = new Map(INVENTORY_COLUMNS.map((c) => [c.toLowerCase(), c]))
  const columns = header.map((h) => known.get(h.toLowerCase()) ?? null)
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c))
  if (missing.length) return { fileErrors: missing.map((c) => ({ field: 'file', message: `Missing column "${c}" (download the template).` })), rows: [] }
  if (lines.length === 1) return { fileErrors: [{ field: 'file', message: 'The file has no data rows.' }], rows: [] }
  if (lines.length - 1 > MAX_IMPORT_ROWS) return { fileErrors: [{ field: 'file', message: `At most ${MAX_IMPORT_ROWS} rows per file.` }], rows: [] }
  const rows = lines.slice(1).map((cells, i) => {
    const rec: Record<string, string> = {}
    columns.forEach((c, j) => {
      if (c) rec[c] = cells[j] ?? ''
    })
    return { row: i + 2, cells: rec }
  })
  return { fileErrors: [], rows }
}

/** Rows repeating an earlier row's VIN in the same file are errors (the first one wins). */
export function markDuplicateVins(checked: CheckedRow[]): CheckedRow[] {
  const seen = new Map<string, number>()
  return checked.map((c) => {
    if (!c.ok || !c.vin) return c
    const first = seen.get(c.vin)
    if (first !== undefined) return { row: c.row, vin: c.vin, ok: false, errors: [{ field: 'vin', message: `Duplicate VIN: already on row ${first}.` }] }
    seen.set(c.vin, c.row)
    return c
  })
}
