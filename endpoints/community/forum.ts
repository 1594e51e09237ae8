/** Forum endpoints: accept an answer, count a view, thread transitions, flag a response. */
import { z } from 'zod'

import { threadWorkflow } from '@/domain/community'
import { defineEndpoint } from '@/http/define-endpoint'
import { applyTransition } from '@/workflows/apply'

import { acceptResponse, countThreadView, flagResponse } from './operations/forum'
import { ref, str } from '@/http/fields'

/** `POST /api/forum-threads/:id/accept { response }`. */
export const acceptResponseEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/accept',
  summary: 'The thread author marks one answer accepted (replacing an earlier choice); the thread becomes resolved.',
  auth: 'write',
  body: z.object({ response: ref('response', 'forum-responses') }),
  run: ({ req, user, id, body }) => acceptResponse(req, user, id, body.response),
})

/** `POST /api/forum-threads/:id/view`. */
export const viewThreadEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/view',
  summary: 'Counts a view of the thread (atomic increment).',
  auth: 'public',
  run: ({ req, id }) => countThreadView(req, id),
})

/** `POST /api/forum-threads/:id/resolve|close|reopen` — author, admins, editors (the thread table). */
export const threadTransitionEndpoint = (action: 'resolve' | 'close' | 'reopen') =>
  defineEndpoint({
    method: 'post',
    path: `/:id/${action}`,
    summary: `Fires the thread's \`${action}\` transition (author, admins, editors).`,
    auth: 'write',
    run: async ({ req, id }) => {
      const { doc } = await applyTransition({ req, collection: 'forum-threads', id, machine: threadWorkflow, action })
      return { doc }
    },
  })

/** `POST /api/forum-responses/:id/flag { reason }`. */
export const flagResponseEndpoint = defineEndpoint({
  method: 'post',
  path: '/:id/flag',
  summary: 'Flags an answer (once per user); enough flags hide it for moderation.',
  auth: 'write',
  body: z.object({ reason: str('reason', { max: 500 }) }),
  run: ({ req, user, id, body }) => flagResponse(req, user, id, body.reason),
})
