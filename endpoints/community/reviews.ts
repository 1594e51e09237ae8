/** Review endpoints: report, seller response, moderation. */
import { z } from 'zod'

import { reviewModeration } from '@/domain/community/reviews'
import { defineEndpoint } from '@/http/define-endpoint'
import { applyTransition } from '@/workflows/apply'

import { reportReview, respondToReview } from './operations/reviews'
import { optStr, str } from '@/http/fields'

/** `POST /api/reviews/:id/report { reason }`. */
export const reportReviewEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/report',
  summary: 'Reports a review (once per user); enough reports send it back to moderation.',
  auth: 'write',
  body: z.object({ reason: str('reason', { max: 500 }) }),
  run: ({ req, user, id, body }) => reportReview(req, user, id, body.reason),
})

/** `POST /api/reviews/:id/respond { content }`. */
export const respondToReviewEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/respond',
  summary: 'The owner of the reviewed item (or an admin) answers the review.',
  auth: 'write',
  body: z.object({ content: str('content', { max: 3000 }) }),
  run: ({ req, user, id, body }) => respondToReview(req, user, id, body.content),
})

/** `POST /api/reviews/:id/approve|reject { note? }` — admins and editors, along the moderation table. */
export const moderateReviewEndpoint = (action: 'approve' | 'reject') =>
  defineEndpoint({
    method: 'post',
    path: `/:id/${action}`,
    summary: `Moderation: fires the review's \`${action}\` transition (admins, editors), with an optional note.`,
    auth: 'write',
    body: z.object({ note: optStr('note', { max: 500 }) }),
    run: async ({ req, id, body }) => {
      const { note } = body
      const { doc } = await applyTransition({ req, collection: 'reviews', id, machine: reviewModeration, action, data: () => (note ? { moderationNote: note } : {}) })
      return { doc }
    },
  })
