import type { CollectionBeforeChangeHook } from 'payload'

import { isAdminUser, type AccessUser } from '@/access/roles'

/**
 * Owner fields (`seller`, `buyer`, `user`, `owner`…) are stamped from `req.user` on create and never taken
 * from the client. Admins may set them explicitly (e.g. to create on behalf of someone); updates keep the
 * original owner unless an admin changes it.
 */
export const stampOwner =
  (field: string): CollectionBeforeChangeHook =>
  ({ data, operation, req, originalDoc }) => {
    const user = req.user as unknown as AccessUser | null
    const admin = isAdminUser(user)
    if (operation === 'create') {
      if (admin && data?.[field]) return data
      if (user && (user as { collection?: string }).collection === 'users') return { ...data, [field]: user.id }
      return data
    }
    if (!admin && data && field in data) {
      const original = originalDoc?.[field]
      return { ...data, [field]: original && typeof original === 'object' ? original.id : original }
    }
    return data
  }
