/**
 * Discovery endpoints on the `cars` collection: `GET /api/cars/nearby`, `POST /api/cars/:id/view`,
 * `GET /api/cars/:id/similar`. Steps in operations/cars.ts.
 */
import { z } from 'zod'

import { DEFAULT_RADIUS_KM, MAX_RADIUS_KM, NEARBY_DEFAULT_LIMIT, NEARBY_MAX_LIMIT } from '@/domain/geo'
import { defineEndpoint } from '@/http/define-endpoint'

import { zNumber } from './input'
import { nearbyCars, recordView, similarCars } from './operations/cars'

const depth = zNumber('depth', { int: true, min: 0, max: 1, default: 1 })

export const nearbyCarsEndpoint = defineEndpoint({
  method: 'get',
  path: '/nearby',
  summary: 'Active cars within radiusKm of lat/lng, nearest first, with distanceKm.',
  auth: 'public',
  query: z.object({
    lat: zNumber('lat', { min: -90, max: 90 }),
    lng: zNumber('lng', { min: -180, max: 180 }),
    radiusKm: zNumber('radiusKm', { gt: 0, max: MAX_RADIUS_KM, default: DEFAULT_RADIUS_KM }),
    limit: zNumber('limit', { int: true, min: 1, max: NEARBY_MAX_LIMIT, default: NEARBY_DEFAULT_LIMIT }),
    depth,
  }),
  run: ({ req, query }) => nearbyCars(req, query),
})

export const viewCarEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/view',
  summary: "Count a view of a listing (once per viewer per 30 minutes; not the seller's own).",
  auth: 'public',
  run: ({ req, id }) => recordView(req, id),
})

export const similarCarsEndpoint = defineEndpoint({
  method: 'get',
  path: '/:id/similar',
  summary: 'Active cars similar to a listing (make, model, body type, price, year), best first.',
  auth: 'public',
  query: z.object({ limit: zNumber('limit', { int: true, min: 1, max: 24, default: 6 }), depth }),
  run: ({ req, id, query }) => similarCars(req, id, query),
})

export const discoveryCarEndpoints = [nearbyCarsEndpoint, viewCarEndpoint, similarCarsEndpoint]
