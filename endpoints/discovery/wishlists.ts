/** `GET /api/wishlists/shared/:token`: a public wishlist read by anyone holding its share token. */
import type { Endpoint, PayloadRequest } from 'payload'

import { json, notFound } from '@/lib/http'

type ItemRef = { relationTo: 'cars' | 'parts'; value: unknown }

const idOf = (v: unknown) => Number(v && typeof v === 'object' ? (v as { id: unknown }).id : v)

/** The visible documents of polymorphic item refs, in their order (items the caller may not read drop out). */
export async function resolveItems(req: PayloadRequest, items: ItemRef[]): Promise<{ relationTo: string; value: Record<string, unknown> }[]> {
  const byType: Record<'cars' | 'parts', number[]> = { cars: [], parts: [] }
  for (const it of items) if (it && (it.relationTo === 'cars' || it.relationTo === 'parts')) byType[it.relationTo].push(idOf(it.value))
  const docs = new Map<string, Record<string, unknown>>()
  for (const collection of ['cars', 'parts'] as const) {
    const ids = byType[collection]
    if (!ids.length) continue
    const found = await req.payload.find({ collection, where: { id: { in: ids } }, depth: 1, limit: ids.length, pagination: false, overrideAccess: false, user: req.user, req })
    for (const d of found.docs) docs.set(`${collection}:${d.id}`, d as unknown as Record<string, unknown>)
  }
  return items
    .map((it) => ({ relationTo: it.relationTo, value: docs.get(`${it.relationTo}:${idOf(it.value)}`) }))
    .filter((x): x is { relationTo: 'cars' | 'parts'; value: Record<string, unknown> } => Boolean(x.value))
}

export const sharedWishlistEndpoint: Endpoint = {
  path: '/shared/:token',
  method: 'get',
  handler: async (req) => {
    const token = String((req.routeParams as Record<string, unknown> | undefined)?.token ?? '')
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw notFound('Wishlist not found.')
    const found = await req.payload.find({
      collection: 'wishlists' as never,
      where: { and: [{ shareToken: { equals: token } }, { isPublic: { equals: true } }] },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const list = found.docs[0] as unknown as Record<string, unknown> | undefined
    if (!list) throw notFound('Wishlist not found.')
    const items = await resolveItems(req, (list.items as ItemRef[] | undefined) ?? [])
    return json({ id: list.id, name: list.name, description: list.description ?? null, updatedAt: list.updatedAt, items })
  },
}
