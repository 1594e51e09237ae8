/**
 * Collection endpoints of `parking-spots`: GET /api/parking-spots/nearby and GET /api/parking-spots/:id/availability.
 */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'

import { date, num, numOr, optDate } from '@/http/fields'
import { findNearbySpots, spotAvailability, type Window } from './operations/spots'

const MAX_WINDOW_MS = 366 * 86_400_000

/** `start`/`end`: both, or (when not `required`) neither — then now → now + 1 h; end after start; at most 366 days. */
const windowOf =
  (required: boolean) =>
  <T extends { start?: Date; end?: Date }>(q: T, ctx: z.RefinementCtx): Omit<T, 'start' | 'end'> & Window => {
    let { start, end } = q
    if (!start && !end) {
      if (required) {
        ctx.addIssue({ code: 'custom', path: ['start'], message: 'start is required.' })
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'end is required.' })
        return z.NEVER
      }
      start = new Date()
      end = new Date(start.getTime() + 3_600_000)
    }
    if (!start || !end) {
      const missing = start ? 'end' : 'start'
      ctx.addIssue({ code: 'custom', path: [missing], message: required ? `${missing} is required.` : 'Give both start and end, or neither.' })
      return z.NEVER
    }
    if (end.getTime() <= start.getTime()) ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must be after start.' })
    else if (end.getTime() - start.getTime() > MAX_WINDOW_MS) ctx.addIssue({ code: 'custom', path: ['end'], message: 'The window may span at most 366 days.' })
    return { ...q, start, end }
  }

export const nearbyEndpoint = defineEndpoint({
  method: 'get',
  path: '/nearby',
  summary: 'Active spots within radiusKm of lat/lng, nearest first, with distanceKm and availableSlots for the window (default: the next hour).',
  auth: 'public',
  query: z
    .object({
      lat: num('lat', { min: -90, max: 90 }),
      lng: num('lng', { min: -180, max: 180 }),
      radiusKm: numOr('radiusKm', 10, { gt: 0, max: 500 }),
      limit: numOr('limit', 20, { min: 1, max: 100, integer: true }),
      start: optDate('start'),
      end: optDate('end'),
    })
    .transform(windowOf(false)),
  run: ({ req, query }) => findNearbySpots(req, query),
})

export const availabilityEndpoint = defineEndpoint({
  method: 'get',
  path: '/:id/availability',
  summary: "A spot's totalSlots and availableSlots for the window start–end (computed, never stored).",
  auth: 'public',
  query: z.object({ start: date('start'), end: date('end') }).transform(windowOf(true)),
  run: ({ req, user, id, query }) => spotAvailability(req, user, id, query),
})
