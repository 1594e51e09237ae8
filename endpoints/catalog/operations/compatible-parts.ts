/** Parts compatible with a vehicle: resolve the make/model (ids or slugs), page through the SQL matches, read the parts with access applied. */
import type { PayloadRequest, Where } from 'payload'

import type { Make, Model } from '@payload-types'

import { compatiblePartIds } from '@/db/catalog'
import { txOf } from '@/db/transaction'
import { idOf } from '@/domain/ids'
import { badRequest } from '@/lib/http'
import { readByIds } from '@/lib/read-by-ids'

/** A make or model by id or slug: undefined when not asked for, null when unknown. */
async function resolveRef(req: PayloadRequest, collection: 'makes', raw: string | undefined): Promise<Make | null | undefined>
async function resolveRef(req: PayloadRequest, collection: 'models', raw: string | undefined): Promise<Model | null | undefined>
async function resolveRef(req: PayloadRequest, collection: 'makes' | 'models', raw: string | undefined): Promise<Make | Model | null | undefined> {
  if (!raw) return undefined
  const where: Where = /^\d+$/.test(raw) ? { id: { equals: Number(raw) } } : { slug: { equals: raw } }
  const res = await req.payload.find({ collection, where, limit: 1, depth: 0, overrideAccess: true, req })
  return res.docs[0] ?? null
}

const refused = (path: 'make' | 'model', message: string) => badRequest(message, { errors: [{ path, message }] })

export interface CompatibleQuery {
  make?: string
  model?: string
  year?: number
  page: number
  limit: number
  depth: number
}

export async function compatibleParts(req: PayloadRequest, q: CompatibleQuery) {
  const make = await resolveRef(req, 'makes', q.make)
  const model = await resolveRef(req, 'models', q.model)
  if (make === null) throw refused('make', 'Unknown make.')
  if (model === null) throw refused('model', 'Unknown model.')
  const modelMake = model ? (idOf(model.make) ?? undefined) : undefined
  if (make && model && modelMake !== make.id) throw refused('model', 'The model does not belong to the make.')
  const makeId = make ? make.id : (modelMake as number)
  const modelId = model ? model.id : null
  const { page, limit, depth } = q
  const { ids, totalDocs } = await compatiblePartIds(await txOf(req), { make: makeId, model: modelId, year: q.year ?? null }, { limit, offset: (page - 1) * limit })
  const docs = await readByIds(req, 'parts', ids, depth)
  const totalPages = Math.max(1, Math.ceil(totalDocs / limit))
  return {
    docs,
    totalDocs,
    limit,
    page,
    totalPages,
    pagingCounter: (page - 1) * limit + 1,
    hasPrevPage: page > 1,
    hasNextPage: page < totalPages,
    prevPage: page > 1 ? page - 1 : null,
    nextPage: page < totalPages ? page + 1 : null,
    vehicle: { make: makeId, model: modelId, year: q.year ?? null },
  }
}
