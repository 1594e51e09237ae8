/**
 * `/api/moderation/*`: one queue per kind of submission (src/domain/analytics/moderation.ts). `GET /moderation`
 * counts what waits in the caller's queues; per queue, `GET /moderation/<queue>` lists it (oldest first,
 * paginated), `POST /moderation/<queue>/:id/approve` and `/reject {reason}` decide one item and tell its author.
 */
import type { Endpoint } from 'payload'
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'
import { numOr, str } from '@/http/fields'
import { MODERATION_QUEUES, type ModerationQueue } from '@/domain/analytics/moderation'

import { decide, queueCounts, queueItems } from './operations/moderation'

export const moderationQueuesEndpoint = defineEndpoint({
  method: 'get',
  path: '/moderation',
  summary: "The caller's moderation queues with how many items wait in each.",
  auth: { roles: ['admin', 'editor'], write: false },
  run: ({ req, user }) => queueCounts(req, user),
})

function queueEndpoints(q: ModerationQueue): Endpoint[] {
  const who = { roles: q.roles }
  return [
    defineEndpoint({
      method: 'get',
      path: `/moderation/${q.key}`,
      summary: `${q.label.en}: the items awaiting a decision, oldest first.`,
      auth: { roles: q.roles, write: false },
      query: z.object({ page: numOr('page', 1, { integer: true, min: 1 }), limit: numOr('limit', 20, { integer: true, min: 1, max: 100 }) }),
      run: ({ req, query }) => queueItems(req, q, query),
    }),
    defineEndpoint({
      method: 'post',
      path: `/moderation/${q.key}/:id/approve`,
      summary: `${q.label.en}: approve one item (the author is notified).`,
      auth: who,
      run: ({ req, id }) => decide(req, q, id, 'approve'),
    }),
    defineEndpoint({
      method: 'post',
      path: `/moderation/${q.key}/:id/reject`,
      summary: `${q.label.en}: reject one item with a reason (the author is notified).`,
      auth: who,
      body: z.object({ reason: str('reason', { max: 1000 }) }),
      run: ({ req, id, body }) => decide(req, q, id, 'reject', body.reason),
    }),
  ]
}

export const moderationEndpoints: Endpoint[] = [moderationQueuesEndpoint, ...MODERATION_QUEUES.flatMap(queueEndpoints)]
