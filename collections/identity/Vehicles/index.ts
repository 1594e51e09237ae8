import type { CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import type { Vehicle } from '@payload-types'

import { and, authenticated, canWriteAccess, isAdmin, isOwner, or } from '@/access'
import { privateField } from '@/access/privacy'
import { clearDefaultVehicle, hasDefaultVehicle, promoteLatestVehicle, vehicleWithPlate } from '@/db/identity'
import { advisoryLock, txOf } from '@/db/transaction'
import { idOf } from '@/domain/ids'
import { normalizePlate } from '@/domain/parking'
import { badRequest } from '@/lib/http'
import { stampOwner } from '@hooks/stamp-owner'

/**
 * Plate normalized and unique per owner; one default vehicle per owner (setting one unsets the others in the
 * same transaction, serialized per owner; a partial unique index in src/db/extras/parking.ts backs it). An
 * owner's first vehicle becomes the default.
 */
const vehicleRules: CollectionBeforeChangeHook<Vehicle> = async ({ data, originalDoc, operation, req }) => {
  const next = { ...data }
  const owner = idOf(next.owner ?? originalDoc?.owner)
  if (!owner) throw badRequest('A vehicle needs an owner.', { errors: [{ path: 'owner', message: 'owner is required.' }] })
  if (typeof next.licensePlate === 'string') next.licensePlate = normalizePlate(next.licensePlate)
  const plate = next.licensePlate ?? originalDoc?.licensePlate
  if (!plate) throw badRequest('licensePlate is required.', { errors: [{ path: 'licensePlate', message: 'licensePlate is required.' }] })
  const tx = await txOf(req)
  await advisoryLock(tx, 'vehicles-owner', owner)
  const selfId = operation === 'update' ? Number(originalDoc?.id) : 0
  if ((await vehicleWithPlate(tx, owner, plate, selfId)) !== null) {
    throw badRequest('You already registered a vehicle with this licence plate.', {
      errors: [{ path: 'licensePlate', message: 'licensePlate must be unique per owner.' }],
    })
  }
  if (operation === 'create' && next.isDefault !== true && !(await hasDefaultVehicle(tx, owner))) next.isDefault = true
  if (next.isDefault === true) await clearDefaultVehicle(tx, owner, selfId)
  return next
}

/** Deleting the default vehicle promotes the owner's most recent other vehicle. */
const promoteDefault: CollectionAfterDeleteHook<Vehicle> = async ({ doc, req }) => {
  if (!doc?.isDefault) return
  const owner = idOf(doc.owner)
  if (!owner) return
  await promoteLatestVehicle(await txOf(req), owner, doc.id)
}

/** A driver's own cars, used when booking parking. Owners see and edit only their own; admins all. */
export const Vehicles: CollectionConfig = {
  slug: 'vehicles',
  admin: { useAsTitle: 'licensePlate', defaultColumns: ['licensePlate', 'make', 'model', 'owner', 'isDefault'], group: 'Identity' },
  defaultPopulate: { licensePlate: true, make: true, model: true, color: true },
  access: {
    read: or(isAdmin, isOwner('owner')),
    create: and(authenticated, canWriteAccess),
    update: or(isAdmin, isOwner('owner')),
    delete: or(isAdmin, isOwner('owner')),
  },
  hooks: {
    beforeChange: [stampOwner('owner'), vehicleRules],
    afterDelete: [promoteDefault],
  },
  fields: [
    { name: 'owner', type: 'relationship', relationTo: 'users', required: true, index: true, admin: { position: 'sidebar' } },
    {
      name: 'licensePlate',
      type: 'text',
      required: true,
      maxLength: 20,
      index: true,
      ...privateField({ readers: ['admin', { owner: 'owner' }] }),
      admin: { description: 'Stored upper-case without spaces or dashes.' },
    },
    { name: 'make', type: 'text', maxLength: 60 },
    { name: 'model', type: 'text', maxLength: 60 },
    { name: 'color', type: 'text', maxLength: 30 },
    {
      name: 'year',
      type: 'number',
      custom: { integer: true },
      min: 1900,
      max: 2100,
      validate: (v: unknown) => (v === null || v === undefined || (Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2100) ? true : 'year must be a whole number from 1900 to 2100.'),
    },
    { name: 'isDefault', type: 'checkbox', defaultValue: false, index: true },
  ],
  indexes: [{ fields: ['owner', 'licensePlate'], unique: true }],
}
