/** `POST /api/expert-verifications/:id/approve|reject { notes? }` — admins, along the verification table. */
import type { PayloadHandler } from 'payload'

import { expertVerificationWorkflow } from '@/domain/community'
import { assertValid, json, readJson, requireUser, routeId } from '@/lib/http'
import { Input } from '@/lib/validate'
import { applyTransition } from '@/workflows/apply'

export const decideVerification =
  (action: 'approve' | 'reject'): PayloadHandler =>
  async (req) => {
    const user = requireUser(req, { write: true })
    const id = routeId(req)
    const input = new Input(await readJson(req))
    const notes = input.string('notes', { max: 3000 })
    assertValid(input)
    const { doc } = await applyTransition({
      req,
      collection: 'expert-verifications' as never,
      id,
      machine: expertVerificationWorkflow,
      action,
      data: () => ({ ...(notes ? { reviewNotes: notes } : {}), reviewedBy: user.id, reviewedAt: new Date().toISOString() }),
    })
    return json({ doc })
  }
