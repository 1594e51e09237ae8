/** Wishlists: a public list read by its share token, its items resolved with the caller's access. */
import type { PayloadRequest } from 'payload'

import type { Car, Part, Wishlist } from '@payload-types'

import { idOf } from '@/domain/ids'
import { notFound } from '@/lib/http'
import { readByIds } from '@/lib/read-by-ids'
import { allSettledOrThrow } from '@/lib/settle'

type ItemRef = NonNullable<Wishlist['items']>[number]
type ResolvedItem = { relationTo: 'cars'; value: Car } | { relationTo: 'parts'; value: Part }

/** The visible documents of polymorphic item refs, in their order (items the caller may not read drop out). */
export async function resolveItems(req: PayloadRequest, items: ItemRef[]): Promise<ResolvedItem[]> {
  const byType: Record<'cars' | 'parts', number[]> = { cars: [], parts: [] }
  for (const it of items) {
    const id = idOf(it?.value)
    if (id !== null && (it.relationTo === 'cars' || it.relationTo === 'parts')) byType[it.relationTo].push(id)
  }
  const [cars, parts] = await allSettledOrThrow([readByIds(req, 'cars', byType.cars), readByIds(req, 'parts', byType.parts)])
  const docs = new Map<string, ResolvedItem>()
  for (const d of cars) docs.set(`cars:${d.id}`, { relationTo: 'cars', value: d })
  for (const d of parts) docs.set(`parts:${d.id}`, { relationTo: 'parts', value: d })
  return items.map((it) => docs.get(`${it.relationTo}:${idOf(it.value)}`)).filter((x): x is ResolvedItem => Boolean(x))
}

/** A public wishlist by its share token (malformed or unknown token, or not public → 404). */
export async function sharedWishlist(req: PayloadRequest, token: string) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw notFound('Wishlist not found.')
  const found = await req.payload.find({
    collection: 'wishlists',
    where: { and: [{ shareToken: { equals: token } }, { isPublic: { equals: true } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const list = found.docs[0]
  if (!list) throw notFound('Wishlist not found.')
  const items = await resolveItems(req, list.items ?? [])
  return { id: list.id, name: list.name, description: list.description ?? null, updatedAt: list.updatedAt, items }
}
