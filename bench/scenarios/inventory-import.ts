/**
 * Dealer bulk inventory (issue 20's bench row): a 10,000-row CSV (valid VINs, the seeded makes and models) through
 * the real endpoints as the seller — the dry run, then the import job followed by polling until it completes, then
 * the same file again (every VIN known: updates, no duplicates). Timed once each; not an autocannon scenario.
 */
import { serialVin } from '../../src/domain/catalog/vin'

import type { BenchContext } from './types'

const ROWS = Number(process.env.BENCH_IMPORT_ROWS || 10_000)
const vinOf = (n: number): string => serialVin('1BNCHA000', n)

function csvOf(ctx: BenchContext, bump: number): string {
  const lines = ['vin,make,model,year,price,mileage']
  for (let i = 0; i < ROWS; i++) {
    const make = ctx.makes[i % ctx.makes.length].name
    lines.push(`${vinOf(i)},${make},Model ${1 + (i % 8)},2020,${12_000 + (i % 700) + bump},${i * 10}`)
  }
  return lines.join('\n')
}

async function call(ctx: BenchContext, method: string, path: string, csv?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${ctx.serverUrl}/api/inventory-imports${path}`, {
    method,
    headers: { authorization: `JWT ${ctx.sellerToken}`, ...(csv ? { 'content-type': 'text/csv' } : {}) },
    body: csv,
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

async function importOnce(ctx: BenchContext, csv: string): Promise<{ seconds: number; doc: Record<string, unknown>; progress: number[] }> {
  const t0 = performance.now()
  const started = await call(ctx, 'POST', '/import', csv)
  if (started.status !== 202) throw new Error(`import answered ${started.status}: ${JSON.stringify(started.body).slice(0, 300)}`)
  const id = (started.body.import as { id: number }).id
  const progress: number[] = []
  for (;;) {
    const { body } = await call(ctx, 'GET', `/${id}?depth=0`)
    progress.push(Number(body.processed))
    if (body.status === 'completed' || body.status === 'failed') return { seconds: (performance.now() - t0) / 1000, doc: body, progress }
    if (performance.now() - t0 > 300_000) throw new Error('import not finished after 5 minutes')
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** Runs the three timings; returns the report lines. */
export async function benchInventoryImport(ctx: BenchContext): Promise<string[]> {
  const csv = csvOf(ctx, 0)
  const t0 = performance.now()
  const dry = await call(ctx, 'POST', '/dry-run', csv)
  const drySeconds = (performance.now() - t0) / 1000
  const first = await importOnce(ctx, csv)
  const again = await importOnce(ctx, csvOf(ctx, 5))
  const cars = Number((await ctx.db.query(`select count(*)::int as n from cars where vin like '1BNCHA00_%'`)).rows[0].n)
  const fmt = (r: { seconds: number; doc: Record<string, unknown>; progress: number[] }) =>
    `${r.seconds.toFixed(1)} s (status ${r.doc.status}, ${r.doc.processed}/${r.doc.total} processed, ${r.doc.failed ?? 0} failed; progress seen: ${[...new Set(r.progress)].slice(0, 6).join(' → ')}${r.progress.length > 6 ? ' …' : ''})`
  return [
    `- dealer import, ${ROWS.toLocaleString('en-US')} rows: dry run ${drySeconds.toFixed(1)} s (HTTP ${dry.status}, ${dry.body.valid} valid, ${dry.body.invalid} invalid rows${Number(dry.body.invalid) ? `, first: ${JSON.stringify((dry.body.errors as unknown[])[0])}` : ''})`,
    `- dealer import, first import (new listings): ${fmt(first)}`,
    `- dealer import, the same VINs again (updates): ${fmt(again)}; listings with these VINs afterwards: ${cars} (target: ${ROWS}, under a minute each)`,
  ]
}
