/** Share tokens for wishlists and comparisons: generated on the server at create, never taken from the client. */
import { randomBytes } from 'node:crypto'

import type { CollectionBeforeChangeHook } from 'payload'

import type { Comparison, Wishlist } from '@payload-types'

export const newShareToken = (): string => randomBytes(24).toString('base64url')

export const stampShareToken: CollectionBeforeChangeHook<Wishlist | Comparison> = ({ data, operation, originalDoc }) => {
  if (operation === 'create') return { ...data, shareToken: newShareToken() }
  return { ...data, shareToken: originalDoc?.shareToken ?? newShareToken() }
}
