/** Discovery fixtures: makes/models and cars created through the Local API (seller stamped explicitly). */
import { sql } from '@payloadcms/db-postgres'

import { testPayload } from '../../helpers/payload'

export async function makeModel(make: string, models: string[]): Promise<{ make: number; models: Record<string, number> }> {
  const payload = await testPayload()
  const existing = await payload.find({ collection: 'makes', where: { name: { equals: make } }, limit: 1, overrideAccess: true, depth: 0 })
  const mk = existing.docs[0] ?? (await payload.create({ collection: 'makes', overrideAccess: true, data: { name: make } as never }))
  const out: Record<string, number> = {}
  for (const m of models) {
    const model = await payload.create({ collection: 'models', overrideAccess: true, data: { name: m, make: mk.id, yearFrom: 1990 } as never })
    out[m] = model.id as number
  }
  return { make: mk.id as number, models: out }
}

export interface CarInput {
  title: string
  make: number
  model: number
  seller: number
  price?: number
  year?: number
  status?: string
  description?: string
  [key: string]: unknown
}

export async function createCar(input: CarInput): Promise<{ id: number; [k: string]: unknown }> {
  const payload = await testPayload()
  const doc = await payload.create({
    collection: 'cars',
    overrideAccess: true,
    depth: 0,
    data: { year: 2020, price: 20000, status: 'active', condition: 'used', mileage: 50000, ...input } as never,
  })
  return doc as unknown as { id: number }
}

export async function count(collection: string, where: Record<string, unknown> = {}): Promise<number> {
  const payload = await testPayload()
  return (await payload.count({ collection: collection as never, where: where as never, overrideAccess: true })).totalDocs
}

export async function query(q: any): Promise<any[]> {
  const payload = await testPayload()

  return (await (payload.db as any).drizzle.execute(q)).rows
}

/** The EXPLAIN text of `q`. With `seqScan: false` sequential scans are priced out (in one transaction), which asks
 *  whether an index *can* serve the query on a test catalog too small for the planner to prefer it. */
export async function planOf(q: any, { seqScan = true } = {}): Promise<string> {
  const payload = await testPayload()

  return (payload.db as any).drizzle.transaction(async (tx: any) => {
    if (!seqScan) await tx.execute(sql`set local enable_seqscan = off`)

    return (await tx.execute(sql`explain ${q}`)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')
  })
}

export { sql }
