import type { CollectionBeforeChangeHook } from 'payload'

import { isAdminUser, type AccessUser } from '@/access/roles'
import { countQuotaListings, effectivePlan } from '@endpoints/commerce/operations/subscriptions'
import { advisoryLock, txOf } from '@/db/transaction'
import { entersQuota, quotaRefusal } from '@/domain/commerce'
import { forbidden } from '@/lib/http'

const idOf = (v: unknown): number | null => (v === null || v === undefined ? null : typeof v === 'object' ? Number((v as { id?: unknown }).id) : Number(v))

/**
 * cars `beforeChange`: a seller creating a listing, or moving one into `active`/`pending_review`/`sale_pending`, must stay within
 * the active plan's `maxListings` (no subscription → the `free` plan, or FREE_PLAN_MAX_LISTINGS, default 3) →
 * 403 naming the limit. Serialized per seller with an advisory lock, so concurrent submissions cannot both
 * slip under the limit. Admins and trusted server code (no user, seeds) are not limited.
 */
export const enforceListingQuota: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  if (context?.seed) return data
  const user = req.user as unknown as AccessUser | null
  if (!user || (user as { collection?: string }).collection !== 'users' || isAdminUser(user)) return data
  const previous = operation === 'create' ? null : (originalDoc?.status as string | undefined)
  const next = (data?.status as string | undefined) ?? previous
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
