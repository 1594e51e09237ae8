/** Parts hooks: derived stock status, price/sale-price and compatibility checks, store ownership. */
import type { CollectionBeforeChangeHook } from 'payload'

import type { Part } from '@payload-types'

import { isAdminUser } from '@/access/roles'
import { dealerOfUser } from '@/db/catalog'
import { DEFAULT_LOW_STOCK_THRESHOLD, stockStatusOf, validYearRange } from '@/domain/catalog/listing'
import { idOf, sameId } from '@/domain/ids'
import { currentUser, invalidFields } from '@/lib/http'

/** stockStatus from stockQuantity, manageStock and lowStockThreshold (a database trigger mirrors it for raw SQL writes). */
export const deriveStockStatus: CollectionBeforeChangeHook<Part> = ({ data, originalDoc }) => {
  if (!data) return data
  const merged: Partial<Part> = { ...(originalDoc ?? {}), ...data }
  data.stockStatus = stockStatusOf(merged.stockQuantity, merged.manageStock !== false, merged.lowStockThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD)
  return data
}

/** salePrice below price; compatibility rows with a model of their make and yearFrom ≤ yearTo; store is the seller's own. */
export const validatePart: CollectionBeforeChangeHook<Part> = async ({ data, originalDoc, operation, req, context }) => {
  if (context?.seed || !data) return data
  const merged: Partial<Part> = { ...(originalDoc ?? {}), ...data }
  const errors: { path: string; message: string }[] = []
  if (merged.salePrice != null && merged.price != null && Number(merged.salePrice) >= Number(merged.price)) {
    errors.push({ path: 'salePrice', message: 'salePrice must be lower than price.' })
  }
  if (Array.isArray(data.compatibility)) {
    const modelIds = [...new Set(data.compatibility.map((r) => idOf(r?.model)).filter((x): x is number => x != null))]
    const models = modelIds.length
      ? (await req.payload.find({ collection: 'models', where: { id: { in: modelIds } }, depth: 0, limit: modelIds.length, overrideAccess: true, req, pagination: false })).docs
      : []
    const makeOf = new Map(models.map((m) => [m.id, idOf(m.make)]))
    data.compatibility.forEach((row, i) => {
      if (!validYearRange(row?.yearFrom, row?.yearTo)) errors.push({ path: `compatibility.${i}.yearTo`, message: 'yearTo must not be before yearFrom.' })
      const model = idOf(row?.model)
      if (model != null) {
        if (!makeOf.has(model)) errors.push({ path: `compatibility.${i}.model`, message: 'The model does not exist.' })
        else if (makeOf.get(model) !== idOf(row?.make)) errors.push({ path: `compatibility.${i}.model`, message: 'The model does not belong to the make.' })
      }
    })
  }
  const user = currentUser(req)
  const sellerId = idOf(merged.seller)
  if (user && !isAdminUser(user) && sellerId && sameId(sellerId, user.id) && (operation === 'create' || 'store' in data)) {
    const wanted = idOf(merged.store)
    if (wanted) {
      const own = await dealerOfUser(req, sellerId)
      if (wanted !== own?.id) errors.push({ path: 'store', message: 'You can only sell under your own store.' })
    }
  }
  if (errors.length) throw invalidFields(errors)
  return data
}
