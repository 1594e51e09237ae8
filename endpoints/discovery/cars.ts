/**
 * Discovery endpoints on the `cars` collection: `GET /api/cars/nearby`, `POST /api/cars/:id/view`,
 * `GET /api/cars/:id/similar`. Steps in operations/cars.ts.
 */
import { z } from 'zod'

import { DEFAULT_RADIUS_KM, MAX_RADIUS_KM, NEARBY_DEFAULT_LIMIT, NEARBY_MAX_LIMIT } from '@/domain/geo'
import { defineEndpoint } from '@/http/define-endpoint'
import { num, numOr } from '@/http/fields'

import { nearbyCars, recordView, similarCars } from './operations/cars'

const depth = numOr('depth', 1, { integer: true, min: 0, max: 1 })

export const nearbyCarsEndpoint = defineEndpoint({
  method: 'get',
  path: '/nearby',
  summary: 'Active cars within radiusKm of lat/lng, nearest first, with distanceKm.',
  auth: 'public',
  query: z.object({
    lat: num('lat', { min: -90, max: 90 }),
    lng: num('lng', { min: -180, max: 180 }),
    radiusKm: numOr('radiusKm', DEFAULT_RADIUS_KM, { gt: 0, max: MAX_RADIUS_KM }),
    limit: numOr('limit', NEARBY_DEFAULT_LIMIT, { integer: true, min: 1, max: NEARBY_MAX_LIMIT }),
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
  query: z.object({ limit: numOr('limit', 6, { integer: true, min: 1, max: 24 }), depth }),
  run: ({ req, id, query }) => similarCars(req, id, query),
})

export const discoveryCarEndpoints = [nearbyCarsEndpoint, viewCarEndpoint, similarCarsEndpoint]
