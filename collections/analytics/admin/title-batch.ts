/**
 * Batches the title look-ups of relationship cells: every id asked for the same collection within one tick is
 * fetched with one query (`id in (…)`, only the title field selected), so a list page resolves its relationship
 * columns on the server in one query per related collection instead of one request per cell from the browser.
 */
import type { CollectionSlug, Payload } from 'payload'

type Pending = { ids: Set<number>; promise: Promise<Map<number, string>> }
const pending = new WeakMap<Payload, Map<string, Pending>>()

export function titleOf(payload: Payload, collection: string, id: number): Promise<string | null> {
  let byCollection = pending.get(payload)
  if (!byCollection) pending.set(payload, (byCollection = new Map()))
  let batch = byCollection.get(collection)
  if (!batch) {
    const ids = new Set<number>()
    const promise = new Promise<Map<number, string>>((resolve) => {
      setTimeout(async () => {
        byCollection.delete(collection)
        const useAsTitle = payload.collections[collection as CollectionSlug]?.config.admin?.useAsTitle ?? 'id'
        try {
          const res = await payload.find({
            collection: collection as CollectionSlug,
            where: { id: { in: [...ids] } },
            select: { [useAsTitle]: true } as never,
            depth: 0,
            limit: ids.size,
            pagination: false,
            overrideAccess: true,
          })
          const docs = res.docs as unknown as Array<Record<string, unknown>>
          resolve(new Map(docs.map((d) => [Number(d.id), String(d[useAsTitle] ?? d.id)])))
        } catch {
          resolve(new Map())
        }
      }, 0)
    })
    batch = { ids, promise }
    byCollection.set(collection, batch)
  }
  batch.ids.add(id)
  return batch.promise.then((m) => m.get(id) ?? null)
}
