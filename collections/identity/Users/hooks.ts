import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionAfterLoginHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeLoginHook,
  type CollectionBeforeValidateHook,
  type PayloadRequest,
} from 'payload'

import { sanitizeSignupRoles } from '@/access/roles'
import { currentUser } from '@/lib/http'
import { clientIp } from '@/lib/request'
import { notify } from '@/notifications/notify'

declare module 'payload' {
  interface RequestContext {
    /** Set by the phone verification operation: it writes `phone` with `phoneVerified`. */
    phoneVerification?: boolean
    /** Set by the OpenID Connect sign-in: it links an identity to the account. */
    oidcLink?: boolean
    /** Security events of the users being updated in this request (user id → events), raised after the write. */
    accountAlerts?: Record<string, AccountEvent[]>
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

type AccountEvent = 'password_changed' | 'api_key_enabled' | 'new_device'

const ALERTS: Record<AccountEvent, (d: { ip: string; device: string }) => { title: { en: string; ar: string }; message: { en: string; ar: string } }> = {
  password_changed: () => ({
    title: { en: 'Your password was changed', ar: 'تم تغيير كلمة المرور' },
    message: { en: 'The password of your AutoHub account was changed. If this was not you, reset it now.', ar: 'تم تغيير كلمة مرور حسابك في AutoHub. إن لم تكن أنت، أعد تعيينها الآن.' },
  }),
  api_key_enabled: () => ({
    title: { en: 'An API key was enabled', ar: 'تم تفعيل مفتاح API' },
    message: {
      en: 'An API key was enabled on your AutoHub account. If this was not you, disable it and change your password.',
      ar: 'تم تفعيل مفتاح API على حسابك. إن لم تكن أنت، عطّله وغيّر كلمة المرور.',
    },
  }),
  new_device: ({ ip, device }) => ({
    title: { en: 'New sign-in to your account', ar: 'تسجيل دخول جديد إلى حسابك' },
    message: {
      en: `Your account was signed in from a new device (${device || 'unknown device'}, ${ip || 'unknown address'}).`,
      ar: `تم تسجيل الدخول إلى حسابك من جهاز جديد (${device || 'جهاز غير معروف'}، ${ip || 'عنوان غير معروف'}).`,
    },
  }),
}

/** An `account_alert` (urgent: email at once, SMS/push even in quiet hours) for a security event. */
async function accountAlert(req: PayloadRequest, user: number | string, event: AccountEvent, d: { ip: string; device: string } = { ip: '', device: '' }) {
  await notify(req, { user, type: 'account_alert', ...ALERTS[event](d), data: { event, ip: d.ip || null }, actionUrl: '/account/security', urgent: true })
}

/** Notes an update's security events before the write (Payload removes `password` from the data during it). */
export const noteSecurityChanges: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  const events: AccountEvent[] = []
  if (typeof data.password === 'string' && data.password) events.push('password_changed')
  if (data.enableAPIKey === true && originalDoc.enableAPIKey !== true) events.push('api_key_enabled')
  if (events.length) req.context.accountAlerts = { ...(req.context.accountAlerts ?? {}), [String(originalDoc.id)]: events }
  return data
}

/** Raises the noted security events once the account is written (same transaction). */
export const raiseAccountAlerts: CollectionAfterChangeHook = async ({ doc, req }) => {
  const events = req.context.accountAlerts?.[String(doc.id)]
  if (!events?.length) return doc
  delete req.context.accountAlerts![String(doc.id)]
  for (const event of events) await accountAlert(req, doc.id, event)
  return doc
}

/**
 * Password reset (`POST /api/users/reset-password`) writes the new hash without the update hooks; it runs
 * `beforeValidate` with the account (no `originalDoc`) and the new hash: the alert is raised there.
 */
export const alertOnPasswordReset: CollectionBeforeValidateHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && !originalDoc && data?.id && data.hash && data.resetPasswordExpiration) await accountAlert(req, data.id as number, 'password_changed')
  return data
}

/**
 * Records the sign-in (time, IP, user agent) in login-events and stamps lastLogin; a sign-in from a device (user
 * agent) this account never signed in from before raises an `account_alert` (not on the very first sign-in).
 */
export const afterLoginRecord: CollectionAfterLoginHook = async ({ req, user }) => {
  const now = new Date().toISOString()
  const ip = clientIp(req)
  const userAgent = req.headers.get('user-agent')?.slice(0, 500) ?? ''
  const seen = await req.payload.count({ collection: 'login-events', where: { user: { equals: user.id } }, req, overrideAccess: true })
  const sameDevice = seen.totalDocs
    ? await req.payload.count({ collection: 'login-events', where: { and: [{ user: { equals: user.id } }, { userAgent: { equals: userAgent } }] }, req, overrideAccess: true })
    : null
  await req.payload.create({
    collection: 'login-events',
    req,
    overrideAccess: true,
    data: { user: user.id, at: now, ip, userAgent },
  })
  await req.payload.db.updateOne({ collection: 'users', id: user.id, data: { lastLogin: now }, req, returning: false })
  if (sameDevice && sameDevice.totalDocs === 0) await accountAlert(req, user.id, 'new_device', { ip, device: userAgent.slice(0, 120) })
  return user
}
