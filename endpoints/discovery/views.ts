/** `GET /api/recently-viewed`: the signed-in caller's most recently viewed distinct cars (newest first). */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'

import { zNumber } from './input'
import { recentlyViewed } from './operations/cars'

export const recentlyViewedEndpoint = defineEndpoint({
  method: 'get',
  path: '/recently-viewed',
  summary: "The caller's most recently viewed distinct cars, newest first.",
  auth: 'user',
  query: z.object({
    limit: zNumber('limit', { int: true, min: 1, max: 50, default: 10 }),
    depth: zNumber('depth', { int: true, min: 0, max: 1, default: 1 }),
  }),
  run: ({ req, user, query }) => recentlyViewed(req, Number(user.id), query),
})
