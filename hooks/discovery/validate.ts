/** Input rules for saved searches and comparisons (400 naming the field, nothing written). */
import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook } from 'payload'

import type { Comparison, SavedSearch } from '@payload-types'

import { MAX_COMPARISON_CARS } from '@/domain/discovery/comparison'
import { parseCarFilters } from '@/domain/discovery/search-filters'
import { idOf } from '@/domain/ids'
import { invalidFields } from '@/lib/http'

/** Validates and normalizes `filters`; a non-admin cannot set the alert bookkeeping dates. */
export const validateSavedSearch: CollectionBeforeValidateHook<SavedSearch> = ({ data, operation }) => {
  if (!data) return data
  if (operation === 'create' || 'filters' in data) {
    const { filters, errors } = parseCarFilters(data.filters ?? {})
    if (errors.length) throw invalidFields(errors)
    return { ...data, filters }
  }
  return data
}

/** A comparison holds 1–4 distinct cars, each visible to the caller (published, or the caller's own). */
export const validateComparisonCars: CollectionBeforeChangeHook<Comparison> = async ({ data, req, operation }) => {
  if (operation !== 'create' && !('cars' in data)) return data
  const list = Array.isArray(data.cars) ? data.cars : []
  const ids = list.map(idOf)
  if (ids.some((id) => id === null)) throw invalidFields([{ path: 'cars', message: 'cars must be a list of car ids.' }])
  const unique = [...new Set(ids as number[])]
  if (unique.length > MAX_COMPARISON_CARS) throw invalidFields([{ path: 'cars', message: `A comparison holds at most ${MAX_COMPARISON_CARS} cars.` }])
  if (unique.length) {
    const visible = await req.payload.count({ collection: 'cars', where: { id: { in: unique } }, overrideAccess: false, user: req.user, req })
    if (visible.totalDocs !== unique.length) throw invalidFields([{ path: 'cars', message: 'Every car must exist and be published.' }])
  }
  return { ...data, cars: unique }
}
