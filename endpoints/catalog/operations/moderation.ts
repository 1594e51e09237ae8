/** Listing moderation: the `approve` / `reject` transitions of the listing machine, and the seller's notification. */
import type { PayloadRequest } from 'payload'

import type { Car } from '@payload-types'

import { carListingMachine, type CarStatus } from '@/domain/catalog/listing'
import { idOf } from '@/domain/ids'
import { notify } from '@/notifications/notify'
import { applyTransition } from '@/workflows/apply'

/** A listing as the listing machine sees it. */
type ListingDoc = Car & { status: CarStatus } & Record<string, unknown>

/**
 * Approves (→ live, `publishedAt` set once) or rejects (→ draft with the reason as `moderationNote`) a listing
 * awaiting review, in the locked transaction; the seller is notified in the same transaction.
 */
export async function moderateListing(req: PayloadRequest, id: number, action: 'approve' | 'reject', reason?: string): Promise<ListingDoc> {
  const { doc } = await applyTransition<CarStatus, ListingDoc>({
    req,
    collection: 'cars',
    id,
    machine: carListingMachine,
    action,
    data: (prev) => (action === 'approve' ? { moderationNote: null, ...(prev.publishedAt ? {} : { publishedAt: new Date().toISOString() }) } : { moderationNote: reason }),
    after: async (updated) => {
      const seller = idOf(updated.seller)
      if (!seller) return
      await notify(req, {
        user: seller,
        type: 'listing_update',
        title: action === 'approve' ? { en: 'Your listing is live', ar: 'إعلانك منشور الآن' } : { en: 'Your listing was not approved', ar: 'لم تتم الموافقة على إعلانك' },
        message: action === 'approve' ? { en: `“${updated.title}” was approved and is now visible to buyers.` } : { en: `“${updated.title}” was returned to draft: ${reason}` },
        data: { car: updated.id, status: updated.status, reason },
        actionUrl: `/cars/${updated.slug ?? updated.id}`,
      })
    },
  })
  return doc
}
