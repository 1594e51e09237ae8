/** The caller's statistics, achievements and loyalty (mounted on users: `/api/users/me/…`). */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'
import { numOr } from '@/http/fields'

import { myAchievements, myLoyalty, myStats } from './operations/loyalty'

/** `GET /api/users/me/stats?months=12`. */
export const myStatsEndpoint = defineEndpoint({
  method: 'get',
  path: '/me/stats',
  summary: "The caller's bookings, orders, reviews, spending, loyalty and monthly trends (SQL aggregates).",
  auth: 'user',
  query: z.object({ months: numOr('months', 12, { integer: true, min: 1, max: 36 }) }),
  run: ({ req, user, query }) => myStats(req, Number(user.id), query.months),
})

/** `GET /api/users/me/achievements`. */
export const myAchievementsEndpoint = defineEndpoint({
  method: 'get',
  path: '/me/achievements',
  summary: 'Every achievement with the caller’s progress, unlocked ones dated.',
  auth: 'user',
  run: ({ req, user }) => myAchievements(req, Number(user.id)),
})

/** `GET /api/users/me/loyalty`. */
export const myLoyaltyEndpoint = defineEndpoint({
  method: 'get',
  path: '/me/loyalty',
  summary: 'Points, lifetime points, level and its benefits, the next level, the level table and the latest ledger rows.',
  auth: 'user',
  run: ({ req, user }) => myLoyalty(req, Number(user.id)),
})
