/** `POST /api/expert-verifications/:id/approve|reject { notes? }` — admins, along the verification table. */
import { z } from 'zod'

import { expertVerificationWorkflow } from '@/domain/community'
import { defineEndpoint } from '@/http/define-endpoint'
import { applyTransition } from '@/workflows/apply'

import { optStr } from '@/http/fields'

export const decideVerificationEndpoint = (action: 'approve' | 'reject') =>
  defineEndpoint({
    method: 'post',
    path: `/:id/${action}`,
    summary: `Admins ${action} an expert verification request (the applicant is notified).`,
    auth: 'write',
    body: z.object({ notes: optStr('notes', { max: 3000 }) }),
    run: async ({ req, user, id, body }) => {
      const { notes } = body
      const { doc } = await applyTransition({
        req,
        collection: 'expert-verifications',
        id,
        machine: expertVerificationWorkflow,
        action,
        data: () => ({ ...(notes ? { reviewNotes: notes } : {}), reviewedBy: user.id, reviewedAt: new Date().toISOString() }),
      })
      return { doc }
    },
  })
