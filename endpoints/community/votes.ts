/** `POST /api/votes { target: { relationTo, value }, value }` — toggles or replaces the caller's vote. */
import type { PayloadHandler } from 'payload'

import { VOTE_RULES, VOTE_VALUES } from '@/domain/community'
import { assertValid, invalidFields, json, readJson, requireUser } from '@/lib/http'
import { Input } from '@/lib/validate'
import { castVote } from '@hooks/community/votes'

export const castVoteEndpoint: PayloadHandler = async (req) => {
  const user = requireUser(req, { write: true })
  const body = await readJson(req)
  const target = (body.target ?? {}) as Record<string, unknown>
  if (typeof target !== 'object' || target === null) throw invalidFields([{ path: 'target', message: 'target must be { relationTo, value }.' }])
  const t = new Input(target)
  const relationTo = t.oneOf('relationTo', Object.keys(VOTE_RULES), { required: true })
  const id = t.id('value')
  const input = new Input(body)
  const value = input.oneOf('value', VOTE_VALUES, { required: true })
  const errors = [...t.errors.map((e) => ({ path: `target.${e.path}`, message: `target.${e.message}` })), ...input.errors]
  if (!errors.length && relationTo && value && !VOTE_RULES[relationTo].values.includes(value)) {
    errors.push({ path: 'value', message: `value must be one of: ${VOTE_RULES[relationTo].values.join(', ')} for ${relationTo}.` })
  }
  if (errors.length) throw invalidFields(errors)
  assertValid(input)
  const result = await castVote(req, Number(user.id), relationTo!, id!, value!)
  return json(result, result.action === 'create' ? 201 : 200)
}
