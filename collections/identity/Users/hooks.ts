import { APIError, type CollectionAfterLoginHook, type CollectionBeforeChangeHook, type CollectionBeforeLoginHook } from 'payload'

import { sanitizeSignupRoles } from '@/access/roles'
import { currentUser } from '@/lib/http'
import { clientIp } from '@/lib/request'

declare module 'payload' {
  interface RequestContext {
    /** Set by the phone verification operation: it writes `phone` with `phoneVerified`. */
    phoneVerification?: boolean
    /** Set by the OpenID Connect sign-in: it links an identity to the account. */
    oidcLink?: boolean
  }
}

/** A changed phone number is no longer verified (only the verify operation writes both together). */
export const resetPhoneVerification: CollectionBeforeChangeHook = ({ data, originalDoc, operation, context }) => {
  if (context.phoneVerification) return data
  if (operation === 'create') return { ...data, phoneVerified: false, phoneVerifiedAt: null }
  if (data.phone !== undefined && (data.phone || null) !== (originalDoc?.phone || null)) return { ...data, phoneVerified: false, phoneVerifiedAt: null }
  return data
}

/** Public sign-up gets buyer/seller/parking_owner only; the very first account becomes the admin. */
export const assignRolesOnCreate: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  // Social sign-in creates buyers only (never the first-account admin).
  if (req.context.oidcLink) return { ...data, roles: ['buyer'] }
  const creator = currentUser(req)
  // Trusted server code (seeds, scripts) creating without a user sets roles as it says.
  if (!creator && req.payloadAPI === 'local') return { ...data, roles: data.roles?.length ? data.roles : ['buyer'] }
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs === 0) return { ...data, roles: ['admin'], status: 'active' }
  return { ...data, roles: sanitizeSignupRoles(data.roles, creator) }
}

/** Inactive accounts cannot sign in (suspended ones can: they read but do not write). */
export const beforeLoginCheckStatus: CollectionBeforeLoginHook = ({ user }) => {
  if ((user as { status?: string }).status === 'inactive') {
    throw new APIError('This account is inactive. Contact support to reactivate it.', 403, null, true)
  }
  return user
}

/** Records the sign-in (time, IP, user agent) in login-events and stamps lastLogin. */
export const afterLoginRecord: CollectionAfterLoginHook = async ({ req, user }) => {
  const now = new Date().toISOString()
  await req.payload.create({
    collection: 'login-events',
    req,
    overrideAccess: true,
    data: { user: user.id, at: now, ip: clientIp(req), userAgent: req.headers.get('user-agent')?.slice(0, 500) ?? '' },
  })
  await req.payload.db.updateOne({ collection: 'users', id: user.id, data: { lastLogin: now }, req, returning: false })
  return user
}
