/** Commerce fixtures: parts created through the Local API, table counts, stock reads, settings. */
import { type sql } from '@payloadcms/db-postgres'

import { invalidatePlatformSettings } from '../../../src/lib/settings'
import { post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'

let n = 0

export async function createPart(
  seller: number,
  data: { price: number; salePrice?: number | null; stockQuantity?: number; manageStock?: boolean; status?: string; title?: string } = { price: 10 },
): Promise<{ id: number; title: string }> {
  const payload = await testPayload()
  const title = data.title ?? `Part ${++n} ${Math.random().toString(36).slice(2, 6)}`
  const part = await payload.create({
    collection: 'parts',
    overrideAccess: true,
    data: {
      title,
      sku: `SKU-${process.pid}-${n}-${Math.random().toString(36).slice(2, 8)}`,
      price: data.price,
      salePrice: data.salePrice ?? null,
      stockQuantity: data.stockQuantity ?? 10,
      manageStock: data.manageStock ?? true,
      status: data.status ?? 'active',
      condition: 'new',
      seller,
    } as never,
  })
  return { id: part.id as number, title }
}

export async function stockOf(part: number): Promise<number> {
  const payload = await testPayload()
  const doc = await payload.findByID({ collection: 'parts', id: part, depth: 0, overrideAccess: true })
  return Number((doc as { stockQuantity?: number }).stockQuantity)
}

export async function count(collection: string, where: Record<string, unknown> = {}): Promise<number> {
  const payload = await testPayload()
  return (await payload.count({ collection: collection as never, where: where as never, overrideAccess: true })).totalDocs
}

export async function rawRows<T = Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]> {
  const payload = await testPayload()

  const res = await (payload.db as any).drizzle.execute(query)
  return res.rows as T[]
}

export async function setPlatform(data: Record<string, unknown>): Promise<void> {
  const payload = await testPayload()
  await payload.updateGlobal({ slug: 'platform-settings', overrideAccess: true, data: data as never })
  invalidatePlatformSettings()
}

export const ADDRESS = { fullName: 'Test Buyer', line1: '1 Main St', city: 'Amman', country: 'JO', phone: '+962700000000' }

/** Puts `quantity` of `part` in the signed-in user's cart through the API. */
export async function addToCart(token: string, part: number, quantity = 1) {
  const res = await post('/carts/mine/items', { part, quantity }, { token })
  if (res.status !== 200) throw new Error(`add to cart failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res
}
