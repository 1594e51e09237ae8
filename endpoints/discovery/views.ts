/** `GET /api/recently-viewed`: the signed-in caller's most recently viewed distinct cars (newest first). */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'
import { numOr } from '@/http/fields'

import { recentlyViewed } from './operations/cars'

export const recentlyViewedEndpoint = defineEndpoint({
  method: 'get',
  path: '/recently-viewed',
  summary: "The caller's most recently viewed distinct cars, newest first.",
  auth: 'user',
  query: z.object({
    limit: numOr('limit', 10, { integer: true, min: 1, max: 50 }),
    depth: numOr('depth', 1, { integer: true, min: 0, max: 1 }),
  }),
  run: ({ req, user, query }) => recentlyViewed(req, Number(user.id), query),
})
