/** `POST /api/votes { target: { relationTo, value }, value }` — toggles or replaces the caller's vote. */
import { z } from 'zod'

import { VOTABLE_COLLECTIONS, VOTE_RULES, VOTE_VALUES } from '@/domain/community'
import { defineEndpoint } from '@/http/define-endpoint'
import { json } from '@/lib/http'

import { castVote } from './operations/votes'
import { oneOf, polymorphic } from '@/http/fields'

const body = z.object({ target: polymorphic('target', VOTABLE_COLLECTIONS), value: oneOf('value', VOTE_VALUES) }).superRefine((b, ctx) => {
  const allowed = VOTE_RULES[b.target.relationTo].values
  if (!allowed.includes(b.value)) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `value must be one of: ${allowed.join(', ')} for ${b.target.relationTo}.` })
  }
})

export const castVoteEndpoint = defineEndpoint({
  method: 'post',
  path: '/',
  summary: "Toggles or replaces the caller's vote on a review, comment or forum response (201 when created).",
  auth: 'write',
  body,
  run: async ({ req, user, body }) => {
    const result = await castVote(req, Number(user.id), body.target.relationTo, body.target.value, body.value)
    return json(result, result.action === 'create' ? 201 : 200)
  },
})
