import type { Access, CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { and, hasRole, isAdmin, or, userOf } from '@/access'
import { txOf } from '@/db/transaction'
import { fits, peakOccupancy } from '@/domain/parking'
import { conflict, currentUser, forbidden, invalidFields } from '@/lib/http'
import { stampOwner } from '@hooks/stamp-owner'
import { findSpot, isSpotOwnerOrAdmin, lockSpot, occupancies } from '@/db/parking'
import { idOf } from '@/domain/ids'
import type { AvailabilityBlock } from '@payload-types'

export const BLOCK_TYPES = ['maintenance', 'blocked', 'reserved'] as const

/** Blocks of the caller's own spots. */
const ofOwnSpots: Access = ({ req }) => {
  const user = userOf(req)
  return user ? { 'spot.owner': { equals: user.id } } : false
}

/**
 * A block is created by the spot's owner (or an admin) and may never push any instant of its window over the
 * spot's capacity (bookings + other blocks): 409, decided under the same per-spot lock as bookings.
 */
const blockRules: CollectionBeforeChangeHook<AvailabilityBlock> = async ({ data, originalDoc, operation, req }) => {
  const spotId = idOf(data.spot ?? originalDoc?.spot)
  if (!spotId) throw invalidFields([{ path: 'spot', message: 'spot is required.' }])
  const spot = await findSpot(req, spotId)
  if (!spot) throw invalidFields([{ path: 'spot', message: 'spot does not exist.' }])
  const caller = currentUser(req)
  if (caller && !isSpotOwnerOrAdmin(caller, spot)) throw forbidden('Only the owner of the spot (or an admin) may block its slots.')
  if (operation === 'update' && idOf(data.spot) && idOf(data.spot) !== idOf(originalDoc?.spot)) {
    throw invalidFields([{ path: 'spot', message: 'A block cannot move to another spot; delete it and create a new one.' }])
  }
  const start = new Date((data.startTime ?? originalDoc?.startTime) as string)
  const end = new Date((data.endTime ?? originalDoc?.endTime) as string)
  const slots = Number(data.slotsAffected ?? originalDoc?.slotsAffected ?? 1)
  const errors: { path: string; message: string }[] = []
  if (Number.isNaN(start.getTime())) errors.push({ path: 'startTime', message: 'startTime is required.' })
  if (Number.isNaN(end.getTime())) errors.push({ path: 'endTime', message: 'endTime is required.' })
  else if (!Number.isNaN(start.getTime()) && end <= start) errors.push({ path: 'endTime', message: 'endTime must be after startTime.' })
  if (!Number.isInteger(slots) || slots < 1 || slots > spot.totalSlots) {
    errors.push({ path: 'slotsAffected', message: `slotsAffected must be a whole number from 1 to ${spot.totalSlots}.` })
  }
  if (errors.length) throw invalidFields(errors)
  const tx = await txOf(req)
  await lockSpot(tx, spotId)
  const items = await occupancies(tx, spotId, start, end, { excludeBlock: operation === 'update' ? Number(originalDoc?.id) : undefined })
  if (!fits(spot.totalSlots, items, start, end, slots)) {
    const peak = peakOccupancy(items, start, end)
    throw conflict(`Blocking ${slots} slot(s) would exceed the spot's capacity: up to ${peak} of ${spot.totalSlots} are already taken in that window.`, {
      availableSlots: Math.max(0, spot.totalSlots - peak),
    })
  }
  return { ...data, spot: spotId, slotsAffected: slots }
}

/** Slots taken out of service (maintenance, blocked, reserved) for a window. */
export const AvailabilityBlocks: CollectionConfig = {
  slug: 'availability-blocks',
  admin: { useAsTitle: 'reason', defaultColumns: ['spot', 'type', 'startTime', 'endTime', 'slotsAffected', 'createdBy'], group: 'Parking' },
  defaultSort: 'startTime',
  access: {
    read: or(isAdmin, and(hasRole('parking_owner'), ofOwnSpots)),
    create: hasRole('parking_owner', 'admin'),
    update: or(isAdmin, and(hasRole('parking_owner'), ofOwnSpots)),
    delete: or(isAdmin, and(hasRole('parking_owner'), ofOwnSpots)),
  },
  hooks: { beforeChange: [stampOwner('createdBy'), blockRules] },
  fields: [
    { name: 'spot', type: 'relationship', relationTo: 'parking-spots', required: true, index: true },
    {
      type: 'row',
      fields: [
        { name: 'startTime', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'endTime', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    { name: 'type', type: 'select', required: true, defaultValue: 'blocked', options: BLOCK_TYPES.map((t) => ({ value: t, label: t[0].toUpperCase() + t.slice(1) })) },
    { name: 'slotsAffected', type: 'number', custom: { integer: true }, required: true, defaultValue: 1, min: 1 },
    { name: 'reason', type: 'text', maxLength: 200 },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true, position: 'sidebar' } },
  ],
  indexes: [{ fields: ['spot', 'startTime', 'endTime'] }],
}
