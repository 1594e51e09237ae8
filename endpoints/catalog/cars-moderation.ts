/** `POST /api/cars/:id/approve` and `POST /api/cars/:id/reject {reason}`: listing moderation (admins, editors). */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'

import { moderateListing } from './operations/moderation'

export const approveCarEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/approve',
  summary: 'Approve a listing awaiting review (it goes live; the seller is told).',
  auth: { roles: ['admin', 'editor'] },
  run: async ({ req, id }) => ({ doc: await moderateListing(req, id, 'approve'), message: 'Listing approved.' }),
})

export const rejectCarEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/reject',
  summary: 'Return a listing awaiting review to draft with a reason (the seller is told).',
  auth: { roles: ['admin', 'editor'] },
  body: z.object({
    reason: z.preprocess(
      (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v === null ? undefined : v),
      z.string({ error: (iss) => (iss.input === undefined ? 'reason is required.' : 'reason must be a string.') }).max(1000, 'reason must be at most 1000 characters.'),
    ),
  }),
  run: async ({ req, id, body }) => ({ doc: await moderateListing(req, id, 'reject', body.reason), message: 'Listing rejected.' }),
})
