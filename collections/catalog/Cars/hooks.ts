/**
 * Listing (cars) hooks. Each is one exported function so Cars.ts keeps a flat, extensible `hooks` array.
 * Hooks skip their work when `context.seed` is set (bulk seeding) and honour the workflow context.
 */
import type { CollectionBeforeChangeHook, FieldHook } from 'payload'

import type { Car } from '@payload-types'

import { isAdminUser, userHasRole } from '@/access/roles'
import { dealerOfUser } from '@/db/catalog'
import { appendPriceHistory, type CarStatus, carListingMachine, initialSellerStatus, needsModeration, sellerTarget, whatsappLink } from '@/domain/catalog/listing'
import { validateVin } from '@/domain/catalog/vin'
import { idOf, sameId } from '@/domain/ids'
import { currentUser, HttpError, invalidFields } from '@/lib/http'
import { readsFields } from '@/lib/read-needs'
import { getPlatformSettings } from '@/lib/settings'
import { decide } from '@/workflows/engine'
import { WORKFLOW_CONTEXT } from '@/workflows/apply'

declare module 'payload' {
  interface RequestContext {
    /** Bulk seeding (seed/*.ts): hooks skip their checks and derived work. */
    seed?: boolean
  }
}

/** `vin` field: normalized (upper case, no spaces/dashes) before validation. */
export const normalizeVinField: FieldHook = ({ value }) => (typeof value === 'string' ? value.replace(/[\s-]/g, '').toUpperCase() || null : value)

/** `vin` field validation: 17 characters, no I/O/Q, check digit for North-American VINs. */
export const vinValidate = (value: unknown): true | string => {
  if (value === null || value === undefined || value === '') return true
  const r = validateVin(value)
  return r.ok ? true : r.error
}

/**
 * Relations that must agree: the model belongs to the make (400 naming `model`), the dealer is the seller's
 * own profile (set automatically when the seller has one), auto-decline below auto-accept.
 */
export const validateCarRelations: CollectionBeforeChangeHook<Car> = async ({ data, originalDoc, operation, req, context }) => {
  if (context?.seed) return data
  const merged: Partial<Car> = { ...(originalDoc ?? {}), ...data }
  const errors: { path: string; message: string }[] = []
  const makeId = idOf(merged.make)
  const modelId = idOf(merged.model)
  const changed = operation === 'create' || (data && ('make' in data || 'model' in data))
  if (changed && makeId && modelId) {
    const model = await req.payload.findByID({ collection: 'models', id: modelId, depth: 0, overrideAccess: true, req, disableErrors: true }).catch(() => null)
    if (!model) errors.push({ path: 'model', message: 'The model does not exist.' })
    else if (idOf(model.make) !== makeId) errors.push({ path: 'model', message: 'The model does not belong to the selected make.' })
  }
  const accept = merged.autoAcceptPrice
  const decline = merged.autoDeclinePrice
  if (accept != null && decline != null && Number(decline) >= Number(accept)) {
    errors.push({ path: 'autoDeclinePrice', message: 'autoDeclinePrice must be below autoAcceptPrice.' })
  }
  const user = currentUser(req)
  const sellerId = idOf(merged.seller)
  if (user && !isAdminUser(user) && sellerId && sameId(sellerId, user.id)) {
    if (operation === 'create' || (data && 'dealer' in data)) {
      const own = await dealerOfUser(req, sellerId)
      const wanted = idOf(merged.dealer)
      if (wanted && wanted !== own?.id) errors.push({ path: 'dealer', message: 'You can only list under your own dealer profile.' })
      else if (data) data.dealer = own?.id ?? null
    }
  }
  if (errors.length) throw invalidFields(errors)
  return data
}

/**
 * Moderation and the listing lifecycle. A seller's new listing asking to be `active` becomes `pending_review`
 * unless the platform setting listingModeration is off or the seller's dealer is verified; `pending_review → active`
 * is approved by admins/editors only; other moves follow carListingMachine. Internal code updating on behalf
 * of another party (overrideAccess, e.g. an accepted offer) is not re-judged here.
 */
export const moderateListingStatus: CollectionBeforeChangeHook<Car> = async ({ data, originalDoc, operation, req, context }) => {
  if (context?.seed || context?.[WORKFLOW_CONTEXT] || !data) return data
  const user = currentUser(req)
  if (!user) return data
  const privileged = userHasRole(user, 'admin', 'editor')
  const moderated = async (sellerId: number | null) => {
    const settings = await getPlatformSettings(req)
    if (!settings.listingModeration) return false
    const dealer = sellerId ? await dealerOfUser(req, sellerId) : null
    return needsModeration(settings, dealer?.verificationStatus === 'verified')
  }
  if (operation === 'create') {
    if (privileged) return data
    const requested: CarStatus | undefined = data.status
    const d = initialSellerStatus(requested, requested === 'active' ? await moderated(idOf(data.seller)) : false)
    if (!d.ok) throw new HttpError(d.status, d.message)
    data.status = d.status
    return data
  }
  const current = originalDoc?.status as CarStatus
  const requested: CarStatus | undefined = data.status
  if (requested === undefined || requested === current) return data
  const isSeller = sameId(originalDoc?.seller, user.id)
  if (isSeller && !privileged) {
    const d = sellerTarget(current, requested, requested === 'active' ? await moderated(idOf(originalDoc?.seller)) : false)
    if (!d.ok) throw new HttpError(d.status, d.message)
    data.status = d.status
    return data
  }
  if (privileged) {
    const d = decide(carListingMachine, { ...originalDoc, status: current }, { to: requested }, user, { plainEdit: true })
    if (!d.ok) throw new HttpError(d.status, d.message, 'data' in d ? d.data : undefined)
  }
  return data
}

/** `publishedAt` is stamped the first time a listing becomes active. */
export const stampPublishedAt: CollectionBeforeChangeHook<Car> = ({ data, originalDoc }) => {
  if (data?.status === 'active' && !originalDoc?.publishedAt && !data.publishedAt) data.publishedAt = new Date().toISOString()
  return data
}

/** Appends `{ price, changedAt }` to priceHistory on create and whenever the price changes. */
export const recordPriceChange: CollectionBeforeChangeHook<Car> = ({ data, originalDoc, operation, context }) => {
  if (!data || (context?.seed && data.priceHistory)) return data
  if (operation === 'update' && (data.price === undefined || Number(data.price) === Number(originalDoc?.price))) {
    return data
  }
  // a create starts its own history (a duplicate's originalDoc is the listing it copies, not an earlier version)
  const history = operation === 'create' ? [] : (originalDoc?.priceHistory ?? [])
  data.priceHistory = appendPriceHistory(history, operation === 'create' ? null : originalDoc?.price, data.price, new Date())
  return data
}

/** The first gallery image is the primary image unless one is chosen. */
export const defaultPrimaryImage: CollectionBeforeChangeHook<Car> = ({ data, originalDoc }) => {
  if (!data) return data
  const primary = data.primaryImage !== undefined ? data.primaryImage : originalDoc?.primaryImage
  const gallery = data.images ?? originalDoc?.images ?? []
  if (!idOf(primary) && gallery.length) data.primaryImage = idOf(gallery[0])
  return data
}

/** whatsappLink (virtual): derived from contactPhone on every read (declared, so a select keeps it). */
export const whatsappFromPhone: FieldHook<Car, unknown, Partial<Car>> = readsFields(['contactPhone'], ({ siblingData }) => whatsappLink(siblingData?.contactPhone))
