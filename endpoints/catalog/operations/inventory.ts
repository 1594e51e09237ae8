/**
 * Dealer bulk inventory (docs/catalog.md, "Bulk inventory"): check a CSV (dry run), import it in one job with
 * progress and a per-row report (VINs the seller already lists are updated, never duplicated), export the
 * seller's inventory. Rows are written in bulk SQL chunks (src/db/catalog.ts `upsertImportedCars`), each chunk in
 * its own transaction followed by a progress update, so 10,000 rows take seconds.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { type AccessUser, isAdminUser } from '@/access/roles'
import { catalogRefs, dealerOfUser, sellerInventoryPage, sellersOfVins, upsertImportedCars } from '@/db/catalog'
import { dbOf, txOf, withTransaction } from '@/db/transaction'
import { type CheckedRow, checkInventoryRow, csvLine, INVENTORY_COLUMNS, type InventoryRow, markDuplicateVins, readInventoryCsv, refKey, type RowError } from '@/domain/catalog/inventory-import'
import { slugify } from '@/domain/services'
import { afterCommit } from '@/lib/after-commit'
import { badRequest, notFound } from '@/lib/http'

export const IMPORTS = 'inventory-imports' as const
export const IMPORT_TASK = 'catalog-inventory-import' as const
const CHUNK = 500

export interface InventoryCheck {
  total: number
  valid: number
  invalid: number
  rows: CheckedRow[]
}

/** Parses and checks every row against the catalog and the VINs already listed; a file-level problem is a 400. */
export async function checkInventory(payload: Payload, sellerId: number, csv: string): Promise<InventoryCheck> {
  const parsed = readInventoryCsv(csv)
  if (parsed.fileErrors.length) throw badRequest(parsed.fileErrors[0].message, { errors: parsed.fileErrors.map((e) => ({ path: e.field, message: e.message })) })
  const db = dbOf(payload)
  const refs = await catalogRefs(db, refKey)
  const now = new Date()
  let rows = markDuplicateVins(parsed.rows.map((r) => checkInventoryRow(r.row, r.cells, refs, now)))
  const owners = await sellersOfVins(
    db,
    rows.flatMap((r) => (r.ok ? [r.value.vin] : [])),
  )
  rows = rows.map((r) => {
    if (!r.ok || !owners.has(r.value.vin) || owners.get(r.value.vin) === sellerId) return r
    return { row: r.row, vin: r.vin, ok: false, errors: [{ field: 'vin', message: 'This VIN is listed by another seller.' }] }
  })
  const invalid = rows.filter((r) => !r.ok).length
  return { total: rows.length, valid: rows.length - invalid, invalid, rows }
}

const errorsOf = (rows: CheckedRow[]): { row: number; vin: string | null; errors: RowError[] }[] => rows.flatMap((r) => (r.ok ? [] : [{ row: r.row, vin: r.vin, errors: r.errors }]))

/** The seller an import is for: the caller, or (admins) `?seller=`. */
export function importSeller(user: AccessUser, seller?: number): number {
  return isAdminUser(user) && seller ? seller : Number(user.id)
}

/** Dry run: every row's errors, nothing written. */
export async function dryRunInventory(req: PayloadRequest, sellerId: number, csv: string) {
  const check = await checkInventory(req.payload, sellerId, csv)
  return { dryRun: true, total: check.total, valid: check.valid, invalid: check.invalid, errors: errorsOf(check.rows) }
}

/**
 * Records the import (status `queued`, `total`), queues its job, and starts it once the request has committed.
 * The file is checked first: a file-level problem is a 400 and nothing is recorded.
 */
export async function startInventoryImport(req: PayloadRequest, sellerId: number, csv: string, fileName: string | null) {
  const check = await checkInventory(req.payload, sellerId, csv)
  const dealer = await dealerOfUser(req, sellerId)
  const { record, jobId } = await withTransaction(req, async () => {
    const record = await req.payload.create({
      collection: IMPORTS,
      req,
      overrideAccess: true,
      depth: 0,
      data: { fileName: fileName ?? 'inventory.csv', seller: sellerId, dealer: dealer?.id ?? null, status: 'queued', total: check.total, source: csv },
    })
    const job = await req.payload.jobs.queue({ task: IMPORT_TASK, input: { importId: record.id }, req })
    return { record, jobId: job.id }
  })
  const run = () => void req.payload.jobs.runByID({ id: jobId, overrideAccess: true }).catch((err) => req.payload.logger.error({ err, msg: 'inventory import job' }))
  if (!afterCommit(run)) run()
  const { source: _s, ...shown } = record
  return { import: shown, total: check.total, valid: check.valid, invalid: check.invalid }
}

/** The job: re-checks the file, writes the valid rows chunk by chunk with progress, then the per-row report. */
export async function runInventoryImport(payload: Payload, importId: number): Promise<{ created: number; updated: number; failed: number }> {
  const record = await payload.findByID({ collection: IMPORTS, id: importId, depth: 0, overrideAccess: true, disableErrors: true, showHiddenFields: true })
  if (!record) throw notFound('No such import.')
  const sellerId = Number(typeof record.seller === 'object' ? record.seller.id : record.seller)
  const dealerId = record.dealer == null ? null : Number(typeof record.dealer === 'object' ? record.dealer.id : record.dealer)
  const progress = (data: Record<string, unknown>) => payload.update({ collection: IMPORTS, id: importId, depth: 0, overrideAccess: true, data })
  try {
    await progress({ status: 'running', startedAt: new Date().toISOString(), processed: 0 })
    const check = await checkInventory(payload, sellerId, String(record.source ?? ''))
    const report: { row: number; vin: string | null; result: 'created' | 'updated' | 'error'; car?: number; errors?: RowError[] }[] = []
    let created = 0
    let updated = 0
    let failed = 0
    for (let i = 0; i < check.rows.length; i += CHUNK) {
      const chunk = check.rows.slice(i, i + CHUNK)
      const valid = chunk.flatMap((r) => (r.ok ? [{ ...r.value, slug: `${slugify(r.value.title).slice(0, 60)}-${r.value.vin.toLowerCase()}` }] : []))
      const req = await createLocalReq({}, payload)
      const written = await withTransaction(req, async () => upsertImportedCars(await txOf(req), sellerId, dealerId, valid as (InventoryRow & { slug: string })[]))
      for (const r of chunk) {
        if (!r.ok) {
          failed++
          report.push({ row: r.row, vin: r.vin, result: 'error', errors: r.errors })
          continue
        }
        const w = written.get(r.value.vin)
        if (!w) {
          failed++
          report.push({ row: r.row, vin: r.vin, result: 'error', errors: [{ field: 'vin', message: 'This VIN is listed by another seller.' }] })
        } else {
          if (w.created) created++
          else updated++
          report.push({ row: r.row, vin: r.vin, result: w.created ? 'created' : 'updated', car: w.id })
        }
      }
      await progress({ processed: Math.min(i + CHUNK, check.rows.length), created, updated, failed })
    }
    await progress({ status: 'completed', finishedAt: new Date().toISOString(), report, source: null })
    return { created, updated, failed }
  } catch (err) {
    await progress({ status: 'failed', finishedAt: new Date().toISOString(), error: err instanceof Error ? err.message : String(err) })
    throw err
  }
}

/** The seller's inventory (admins: everyone's, or `seller`'s) as CSV in the template's columns plus id and status. */
export async function exportInventory(req: PayloadRequest, sellerId: number | null): Promise<Response> {
  const db = dbOf(req.payload)
  const header = [...INVENTORY_COLUMNS, 'id', 'status']
  const lines = [csvLine(header)]
  let after = 0
  for (;;) {
    const page = await sellerInventoryPage(db, sellerId, after, 2000)
    for (const r of page) {
      const cells: Record<string, unknown> = {
        vin: r.vin,
        make: r.make,
        model: r.model,
        year: r.year,
        price: r.price,
        currency: r.currency,
        mileage: r.mileage,
        condition: r.condition,
        title: r.title,
        description: r.description,
        fuelType: r.fuel_type,
        transmission: r.transmission,
        bodyType: r.body_type,
        exteriorColor: r.exterior_color,
        city: r.location_city,
        id: r.id,
        status: r.status,
      }
      lines.push(csvLine(header.map((h) => (cells[h] == null ? '' : String(cells[h])))))
    }
    if (page.length < 2000) break
    after = Number(page[page.length - 1].id)
  }
  return new Response(lines.join('\r\n') + '\r\n', {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="inventory.csv"', 'cache-control': 'no-store' },
  })
}
