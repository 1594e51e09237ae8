/**
 * Dealer bulk inventory endpoints on `inventory-imports` (docs/catalog.md, "Bulk inventory"). The file is sent as
 * the body: `Content-Type: text/csv` (the CSV itself), or JSON `{ csv, fileName? }`.
 */
import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'
import { optRef } from '@/http/fields'
import { inventoryTemplate } from '@/domain/catalog/inventory-import'
import { badRequest, readJson } from '@/lib/http'

import { dryRunInventory, exportInventory, importSeller, startInventoryImport } from './operations/inventory'

const DEALERS = { roles: ['seller', 'admin'] } as const satisfies { roles: ('seller' | 'admin')[] }

/** The CSV of the request: a text/csv body, or JSON `{ csv, fileName? }`. */
async function csvOf(req: PayloadRequest): Promise<{ csv: string; fileName: string | null }> {
  const type = req.headers.get('content-type') ?? ''
  if (/text\/csv|text\/plain/.test(type)) {
    const csv = req.text ? await req.text() : ''
    if (!csv.trim()) throw badRequest('The CSV body is empty.', { errors: [{ path: 'file', message: 'The CSV body is empty.' }] })
    return { csv, fileName: req.headers.get('x-file-name') }
  }
  const body = await readJson<{ csv?: unknown; fileName?: unknown }>(req)
  if (typeof body.csv !== 'string' || !body.csv.trim()) throw badRequest('Send the CSV as a text/csv body or as JSON { csv }.', { errors: [{ path: 'csv', message: 'csv is required.' }] })
  return { csv: body.csv, fileName: typeof body.fileName === 'string' ? body.fileName.slice(0, 200) : null }
}

const sellerQuery = z.object({ seller: optRef('seller', 'users') })

export const inventoryTemplateEndpoint = defineEndpoint({
  method: 'get',
  path: '/template',
  summary: 'The CSV template: header and one example row (vin, make, model, year, price required).',
  auth: 'public',
  run: () =>
    new Response(inventoryTemplate(), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="inventory-template.csv"', 'cache-control': 'public, max-age=300' },
    }),
})

export const inventoryDryRunEndpoint = defineEndpoint({
  method: 'post',
  path: '/dry-run',
  summary: 'Check a CSV without writing: every invalid row with its reasons (VIN check digit, unknown make/model, price…). Admins: ?seller=.',
  auth: DEALERS,
  query: sellerQuery,
  run: async ({ req, user, query }) => dryRunInventory(req, importSeller(user, query.seller), (await csvOf(req)).csv),
})

export const inventoryImportEndpoint = defineEndpoint({
  method: 'post',
  path: '/import',
  summary: 'Import a CSV in one job (202): valid rows become draft listings, known VINs are updated; poll GET /api/inventory-imports/:id for processed/total and the per-row report.',
  auth: DEALERS,
  status: 202,
  query: sellerQuery,
  run: async ({ req, user, query }) => {
    const { csv, fileName } = await csvOf(req)
    return startInventoryImport(req, importSeller(user, query.seller), csv, fileName)
  },
})

export const inventoryExportEndpoint = defineEndpoint({
  method: 'get',
  path: '/export',
  summary: "The caller's inventory as CSV (template columns + id, status); admins: everyone's, or ?seller=.",
  auth: { roles: ['seller', 'admin'], write: false },
  query: sellerQuery,
  run: ({ req, user, query }) => exportInventory(req, user.roles?.includes('admin') ? (query.seller ?? null) : Number(user.id)),
})

export const inventoryEndpoints = [inventoryTemplateEndpoint, inventoryDryRunEndpoint, inventoryImportEndpoint, inventoryExportEndpoint]
