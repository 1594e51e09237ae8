/**
 * `GET /api/parts/compatible?make&model&year&page&limit` — active parts with a compatibility row for the
 * vehicle: same make, same model (or a row for every model of the make), year within yearFrom..yearTo (open
 * ends match). `make`/`model` take ids or slugs. Paginated like Payload's lists.
 */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'
import { invalidFields } from '@/lib/http'
import { getPlatformSettings } from '@/lib/settings'
import { numOr, optNum, single } from '@/http/fields'

import { compatibleParts } from './operations/compatible-parts'

export const compatiblePartsEndpoint = defineEndpoint({
  method: 'get',
  path: '/compatible',
  summary: 'Active parts compatible with a vehicle (make and/or model by id or slug, optional year), paginated.',
  auth: 'public',
  query: z
    .object({
      make: single('make'),
      model: single('model'),
      year: optNum('year', { integer: true, min: 1886, max: 2100 }),
      page: numOr('page', 1, { integer: true, min: 1 }),
      limit: numOr('limit', 20, { integer: true, min: 1 }),
      depth: numOr('depth', 1, { integer: true, min: 0, max: 2 }),
    })
    .refine((q) => Boolean(q.make || q.model), { message: 'make or model is required.', path: ['make'] }),
  run: async ({ req, query }) => {
    // The page size's ceiling is a platform setting, so it is checked here.
    const { maxPageSize } = await getPlatformSettings(req)
    if (query.limit > maxPageSize) throw invalidFields([{ path: 'limit', message: `limit must be at most ${maxPageSize}.` }])
    return compatibleParts(req, query)
  },
})
