import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig } from 'payload'

import { and, hasRole, isAdmin, isOwner, or } from '@/access'
import { userHasRole, type AccessUser } from '@/access/roles'
import { txOf } from '@/db/transaction'
import { idOf } from '@/domain/ids'
import { HHMM, isValidTimeZone, peakOccupancy, PRICE_TYPES, WEEKDAYS } from '@/domain/parking'
import { hasAtMostTwoDecimals } from '@/domain/money'
import { ratingSummaryField } from '@/fields/ratingSummary'
import { conflict, currentUser, invalidFields } from '@/lib/http'
import { stampOwner } from '@hooks/stamp-owner'
import { userFields } from '@/db/identity'
import { lockSpot, occupancies, spotHasHoldingBookings } from '@/db/parking'
import { label } from '@/fields/options'
import type { ParkingSpot } from '@payload-types'

/**
 * The owner must be a parking owner (or admin); opening hours must be coherent; lowering totalSlots below what
 * is already booked from now on is a 409 (checked under the spot's capacity lock).
 */
const spotRules: CollectionBeforeChangeHook<ParkingSpot> = async ({ data, originalDoc, operation, req }) => {
  const ownerId = idOf(data.owner ?? originalDoc?.owner)
  if (!ownerId) throw invalidFields([{ path: 'owner', message: 'owner is required.' }])
  const caller = currentUser(req)
  if (operation === 'create' || (data.owner !== undefined && idOf(data.owner) !== idOf(originalDoc?.owner))) {
    const owner = caller && String(caller.id) === String(ownerId) ? caller : ((await userFields(req, ownerId, ['roles'])) as AccessUser | null)
    if (!owner || !userHasRole(owner, 'parking_owner', 'admin')) {
      throw invalidFields([{ path: 'owner', message: 'The owner of a parking spot must have the parking_owner role.' }])
    }
  }
  const hours = data.openingHours ?? originalDoc?.openingHours
  if (hours && hours.alwaysOpen === false) {
    const days = hours.days ?? []
    if (!days.length) throw invalidFields([{ path: 'openingHours.days', message: 'List the opening hours per weekday, or tick "open 24/7".' }])
    days.forEach((d, i) => {
      if (d.allDay) return
      if (!d.open || !d.close || !HHMM.test(d.open) || !HHMM.test(d.close) || d.open === d.close) {
        throw invalidFields([{ path: `openingHours.days.${i}`, message: 'open and close must be HH:MM (different), or tick "all day".' }])
      }
    })
  }
  if (operation === 'update' && originalDoc && typeof data.totalSlots === 'number' && data.totalSlots < originalDoc.totalSlots) {
    const tx = await txOf(req)
    const spotId = originalDoc.id
    await lockSpot(tx, spotId)
    const now = new Date()
    const peak = peakOccupancy(await occupancies(tx, spotId, now, null), now, Infinity)
    if (peak > data.totalSlots) {
      throw conflict(`Cannot lower totalSlots to ${data.totalSlots}: ${peak} slots are already booked or blocked at some upcoming instant.`, { peak })
    }
  }
  return data
}

/** A spot with upcoming or running bookings cannot be deleted (deactivate it instead). */
const refuseDeleteWithBookings: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (await spotHasHoldingBookings(await txOf(req), Number(id))) throw conflict('This spot has pending or active bookings; deactivate it instead of deleting it.')
}

const twoDecimals = (v: unknown) => (v === null || v === undefined || (typeof v === 'number' && v >= 0 && hasAtMostTwoDecimals(v)) ? true : 'price must be ≥ 0 with at most 2 decimals.')

/** Parking spots: location, slots, price per hour/day/month, opening hours, amenities. Public reads see active spots. */
export const ParkingSpots: CollectionConfig = {
  slug: 'parking-spots',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'city', 'totalSlots', 'price', 'priceType', 'active', 'owner'], group: 'Parking' },
  defaultPopulate: { name: true, address: true, city: true, latitude: true, longitude: true, price: true, priceType: true, totalSlots: true, owner: true },
  access: {
    read: or(isAdmin, isOwner('owner'), () => ({ active: { equals: true } })),
    create: hasRole('parking_owner', 'admin'),
    update: or(isAdmin, and(hasRole('parking_owner'), isOwner('owner'))),
    delete: or(isAdmin, and(hasRole('parking_owner'), isOwner('owner'))),
  },
  hooks: {
    beforeChange: [stampOwner('owner'), spotRules],
    beforeDelete: [refuseDeleteWithBookings],
  },
  fields: [
    { name: 'owner', type: 'relationship', relationTo: 'users', required: true, index: true, admin: { position: 'sidebar' } },
    { name: 'name', type: 'text', required: true, maxLength: 120, index: true },
    { name: 'description', type: 'textarea', localized: true },
    {
      type: 'row',
      fields: [
        { name: 'address', type: 'text', maxLength: 200 },
        { name: 'city', type: 'text', maxLength: 80, index: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'latitude', type: 'number', required: true, min: -90, max: 90 },
        { name: 'longitude', type: 'number', required: true, min: -180, max: 180 },
        {
          name: 'timezone',
          type: 'text',
          defaultValue: 'UTC',
          admin: { description: 'IANA time zone of the opening hours, e.g. Asia/Dubai.' },
          validate: (v: unknown) => (v === null || v === undefined || v === '' || (typeof v === 'string' && isValidTimeZone(v)) ? true : 'Unknown time zone.'),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'totalSlots',
          type: 'number',
          custom: { integer: true },
          required: true,
          min: 1,
          max: 100_000,
          validate: (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? true : 'totalSlots must be a whole number greater than 0.'),
        },
        { name: 'price', type: 'number', required: true, min: 0, index: true, validate: twoDecimals },
        { name: 'priceType', type: 'select', required: true, defaultValue: 'hour', options: PRICE_TYPES.map((v) => ({ value: v, label: `Per ${v}` })) },
      ],
    },
    {
      name: 'openingHours',
      type: 'group',
      fields: [
        { name: 'alwaysOpen', type: 'checkbox', defaultValue: true, label: 'Open 24/7' },
        {
          name: 'days',
          type: 'array',
          admin: { condition: (_data, sibling) => sibling?.alwaysOpen === false, description: 'Weekdays not listed are closed. A close time before the open time runs past midnight.' },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'day', type: 'select', required: true, options: WEEKDAYS.map((d) => ({ value: d, label: label(d) })) },
                { name: 'open', label: 'Opens At', type: 'text', admin: { placeholder: '08:00' } },
                { name: 'close', label: 'Closes At', type: 'text', admin: { placeholder: '20:00' } },
                { name: 'allDay', type: 'checkbox', defaultValue: false, label: 'All day (24h)' },
              ],
            },
          ],
        },
      ],
    },
    { name: 'phone', type: 'text', maxLength: 40 },
    { name: 'images', type: 'upload', relationTo: 'media', hasMany: true },
    { name: 'amenities', type: 'relationship', relationTo: 'amenities', hasMany: true, index: true },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true, admin: { position: 'sidebar' } },
    {
      name: 'payOnSite',
      type: 'checkbox',
      defaultValue: true,
      admin: { position: 'sidebar', description: 'Drivers may pay on site; unticked, bookings are paid by card when made.' },
    },
    ratingSummaryField(),
  ],
  indexes: [{ fields: ['active', 'city'] }],
}
