/** `POST /api/cars/:id/approve` and `POST /api/cars/:id/reject {reason}`: listing moderation (admins, editors). */
import type { Endpoint, PayloadRequest } from 'payload'

import { carListingMachine } from '@/domain/catalog/listing'
import { assertValid, json, readJson, requireUser, routeId } from '@/lib/http'
import { Input } from '@/lib/validate'
import { notify } from '@/notifications/notify'
import { applyTransition } from '@/workflows/apply'

type Doc = Record<string, any>
const sellerOf = (doc: Doc) => (doc.seller && typeof doc.seller === 'object' ? doc.seller.id : doc.seller)

async function moderate(req: PayloadRequest, action: 'approve' | 'reject'): Promise<Response> {
  requireUser(req, { write: true, roles: ['admin', 'editor'] })
  const id = routeId(req)
  let reason: string | undefined
  if (action === 'reject') {
    const input = new Input(await readJson(req))
    reason = input.string('reason', { required: true, max: 1000 })
    assertValid(input)
  }
  const { doc } = await applyTransition<any, Doc>({
    req,
    collection: 'cars',
    id,
    machine: carListingMachine as never,
    action,
    data: (prev) =>
      action === 'approve'
        ? { moderationNote: null, ...(prev.publishedAt ? {} : { publishedAt: new Date().toISOString() }) }
        : { moderationNote: reason },
    after: async (updated) => {
      const seller = sellerOf(updated)
      if (!seller) return
      await notify(req, {
        user: seller,
        type: 'listing_update',
        title: action === 'approve' ? { en: 'Your listing is live', ar: 'إعلانك منشور الآن' } : { en: 'Your listing was not approved', ar: 'لم تتم الموافقة على إعلانك' },
        message:
          action === 'approve'
            ? { en: `“${updated.title}” was approved and is now visible to buyers.` }
            : { en: `“${updated.title}” was returned to draft: ${reason}` },
        data: { car: updated.id, status: updated.status, reason },
        actionUrl: `/cars/${updated.slug ?? updated.id}`,
      })
    },
  })
  return json({ doc, message: action === 'approve' ? 'Listing approved.' : 'Listing rejected.' })
}

export const approveCarEndpoint: Endpoint = { path: '/:id/approve', method: 'post', handler: (req) => moderate(req, 'approve') }
export const rejectCarEndpoint: Endpoint = { path: '/:id/reject', method: 'post', handler: (req) => moderate(req, 'reject') }
