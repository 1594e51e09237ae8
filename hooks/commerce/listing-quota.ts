import type { CollectionBeforeChangeHook } from 'payload'

import type { Car } from '@payload-types'

import { isAdminUser } from '@/access/roles'
import { countQuotaListings, effectivePlan } from '@/db/commerce'
import { advisoryLock, txOf } from '@/db/transaction'
import { entersQuota, photoLimitRefusal, quotaRefusal } from '@/domain/commerce'
import { idOf } from '@/domain/ids'
import { currentUser, forbidden } from '@/lib/http'

/**
 * cars `beforeChange`: a seller creating a listing, or moving one into `active`/`pending_review`/`sale_pending`, must stay within
 * the active plan's `maxListings` (no subscription → the `free` plan, or FREE_PLAN_MAX_LISTINGS, default 3) →
 * 403 naming the limit. Serialized per seller with an advisory lock, so concurrent submissions cannot both
 * slip under the limit. Admins and trusted server code (no user, seeds) are not limited.
 */
export const enforceListingQuota: CollectionBeforeChangeHook<Car> = async ({ data, originalDoc, operation, req, context }) => {
  if (context?.seed) return data
  const user = currentUser(req)
  if (!user || isAdminUser(user)) return data
  const previous = operation === 'create' ? null : originalDoc?.status
  const next = data?.status ?? previous
  if (!entersQuota(previous, next)) return data
  const seller = idOf(data?.seller ?? originalDoc?.seller ?? user.id)
  if (!seller) return data
  await advisoryLock(await txOf(req), 'listing-quota', seller)
  const plan = await effectivePlan(req, seller)
  const current = await countQuotaListings(req, seller, operation === 'create' ? undefined : originalDoc?.id)
  const refusal = quotaRefusal(plan.name, plan.maxListings, current)
  if (refusal) throw forbidden(refusal)
  return data
}

/**
 * cars `beforeChange`: the photos of a seller's listing must stay within the plan's `maxPhotosPerListing` when the
 * seller adds some (a listing left over from a bigger plan keeps its photos until they are edited) → 403.
 * Admins and trusted server code are not limited.
 */
export const enforcePhotoLimit: CollectionBeforeChangeHook<Car> = async ({ data, originalDoc, req, context }) => {
  if (context?.seed || !data || !('images' in data)) return data
  const user = currentUser(req)
  if (!user || isAdminUser(user)) return data
  const photos = (data.images ?? []).length
  if (photos <= (originalDoc?.images ?? []).length) return data
  const seller = idOf(data.seller ?? originalDoc?.seller ?? user.id)
  if (!seller) return data
  const plan = await effectivePlan(req, seller)
  const refusal = photoLimitRefusal(plan.name, plan.maxPhotosPerListing, photos)
  if (refusal) throw forbidden(refusal)
  return data
}
