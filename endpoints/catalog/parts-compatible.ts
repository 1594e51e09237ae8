/**
 * `GET /api/parts/compatible?make&model&year&page&limit` — active parts with a compatibility row for the
 * vehicle: same make, same model (or a row for every model of the make), year within yearFrom..yearTo (open
 * ends match). `make`/`model` take ids or slugs. Paginated like Payload's lists.
 */
import type { Endpoint, PayloadRequest, Where } from 'payload'

import { sql, txOf } from '@/db/transaction'
import { assertValid, badRequest, json, searchParams } from '@/lib/http'
import { getPlatformSettings } from '@/lib/settings'
import { Input } from '@/lib/validate'

type Doc = Record<string, any>

async function resolveRef(req: PayloadRequest, collection: 'makes' | 'models', raw: string | null): Promise<Doc | null | undefined> {
  if (!raw) return undefined
  const where: Where = /^\d+$/.test(raw) ? { id: { equals: Number(raw) } } : { slug: { equals: raw } }
  const res = await req.payload.find({ collection, where, limit: 1, depth: 0, overrideAccess: true, req })
  return (res.docs[0] as Doc) ?? null
}

export const compatiblePartsEndpoint: Endpoint = {
  path: '/compatible',
  method: 'get',
  handler: async (req) => {
    const params = searchParams(req)
    const input = new Input(Object.fromEntries(params))
    const year = input.number('year', { integer: true, min: 1886, max: 2100 })
    const page = input.number('page', { integer: true, min: 1, default: 1 })!
    const { maxPageSize } = await getPlatformSettings(req)
    const limit = input.number('limit', { integer: true, min: 1, max: maxPageSize, default: 20 })!
    const depth = input.number('depth', { integer: true, min: 0, max: 2, default: 1 })!
    input.check(Boolean(params.get('make') || params.get('model')), 'make', 'make or model is required.')
    assertValid(input)

    const make = await resolveRef(req, 'makes', params.get('make'))
    const model = await resolveRef(req, 'models', params.get('model'))
    if (make === null) throw badRequest('Unknown make.', { errors: [{ path: 'make', message: 'Unknown make.' }] })
    if (model === null) throw badRequest('Unknown model.', { errors: [{ path: 'model', message: 'Unknown model.' }] })
    const modelMake = model ? Number(typeof model.make === 'object' ? model.make?.id : model.make) : undefined
    if (make && model && modelMake !== Number(make.id)) {
      throw badRequest('The model does not belong to the make.', { errors: [{ path: 'model', message: 'The model does not belong to the make.' }] })
    }
    const makeId = make ? Number(make.id) : modelMake!
    const modelId = model ? Number(model.id) : null

    const tx = await txOf(req)
    const res = await tx.execute(sql`
      with matches as (
        select distinct p.id, p.created_at
        from parts p
        join parts_compatibility c on c._parent_id = p.id
        where p.status = 'active'
          and c.make_id = ${makeId}
          and (${modelId}::int is null or c.model_id is null or c.model_id = ${modelId}::int)
          and (${year ?? null}::int is null or ((c.year_from is null or c.year_from <= ${year ?? null}::int) and (c.year_to is null or c.year_to >= ${year ?? null}::int)))
      )
      select id, count(*) over () as total from matches order by created_at desc, id desc
      limit ${limit} offset ${(page - 1) * limit}`)
    const ids = res.rows.map((r) => Number(r.id))
    let totalDocs = res.rows.length ? Number(res.rows[0].total) : 0
    if (!ids.length && page > 1) {
      const c = await tx.execute(sql`select count(distinct p.id) as n from parts p join parts_compatibility c on c._parent_id = p.id
        where p.status = 'active' and c.make_id = ${makeId}
          and (${modelId}::int is null or c.model_id is null or c.model_id = ${modelId}::int)
          and (${year ?? null}::int is null or ((c.year_from is null or c.year_from <= ${year ?? null}::int) and (c.year_to is null or c.year_to >= ${year ?? null}::int)))`)
      totalDocs = Number(c.rows[0]?.n ?? 0)
    }
    const found = ids.length
      ? await req.payload.find({ collection: 'parts', where: { id: { in: ids } }, limit: ids.length, depth, req, overrideAccess: false, user: req.user, pagination: false })
      : { docs: [] }
    const byId = new Map(found.docs.map((d) => [Number(d.id), d]))
    const docs = ids.map((id) => byId.get(id)).filter(Boolean)
    const totalPages = Math.max(1, Math.ceil(totalDocs / limit))
    return json({
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
      vehicle: { make: makeId, model: modelId, year: year ?? null },
    })
  },
}
