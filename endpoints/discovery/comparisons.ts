/**
 * Comparison endpoints: `GET /api/comparisons/:id/table` (owner, admin, or `?token=<shareToken>`) and
 * `POST /api/comparisons/:id/cars { car }` (owner: adds one car; a fifth → 409).
 */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'
import { ref } from '@/http/fields'

import { addComparisonCar, comparisonTable } from './operations/comparisons'

export const comparisonTableEndpoint = defineEndpoint({
  method: 'get',
  path: '/:id/table',
  summary: 'A comparison as a side-by-side table (owner, admin, or ?token=<shareToken>).',
  auth: 'public',
  query: z.object({ token: z.preprocess((v) => (Array.isArray(v) ? String(v[0]) : typeof v === 'string' ? v : ''), z.string()) }),
  run: ({ req, user, id, query }) => comparisonTable(req, user, id, query.token),
})

export const addComparisonCarEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/cars',
  summary: 'Add a car to the caller’s comparison (at most 4).',
  auth: 'write',
  body: z.object({ car: ref('car', 'cars') }),
  run: ({ req, user, id, body }) => addComparisonCar(req, user, id, body.car),
})

export const comparisonEndpoints = [comparisonTableEndpoint, addComparisonCarEndpoint]
