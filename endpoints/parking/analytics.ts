/**
 * `GET /api/analytics/parking-owner?from&to` (parking_owner or admin): per spot — bookings, revenue and occupancy
 * for the period (default: the last 30 days). Admins see every owner's spots, or one owner's with `?owner=<id>`.
 */
import { z } from 'zod'

import { isAdminUser } from '@/access/roles'
import { defineEndpoint } from '@/http/define-endpoint'

import { optDate, optRef } from '@/http/fields'
import { parkingOwnerReport } from './operations/reports'

const DAY = 86_400_000

const period = z.object({ from: optDate('from'), to: optDate('to'), owner: optRef('owner', 'users') }).transform((q, ctx) => {
  const to = q.to ?? new Date()
  const from = q.from ?? new Date(to.getTime() - 30 * DAY)
  if (to.getTime() <= from.getTime()) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from.' })
  if (to.getTime() - from.getTime() > 3660 * DAY) ctx.addIssue({ code: 'custom', path: ['from'], message: 'The period may span at most 10 years.' })
  return { from, to, owner: q.owner }
})

export const parkingOwnerAnalyticsEndpoint = defineEndpoint({
  method: 'get',
  path: '/analytics/parking-owner',
  summary: "Per spot: bookings, cancellations, revenue and occupancy % for a period (the caller's spots; admins: all, or ?owner).",
  auth: { roles: ['parking_owner', 'admin'], write: false },
  query: period,
  run: ({ req, user, query }) => parkingOwnerReport(req, { from: query.from, to: query.to, owner: isAdminUser(user) ? (query.owner ?? null) : Number(user.id) }),
})
