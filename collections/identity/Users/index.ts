import type { AccessArgs, CollectionAfterOperationHook, CollectionConfig, PayloadRequest, Where } from 'payload'

import { fieldAdminOnly, hasRole, isAdmin, isSelf, or, ROLES, ACCOUNT_STATUSES, anyone, privateField, type Reader } from '@/access'
import { NOTIFICATION_TYPES } from '@/domain/notification-types'
import { ratingSummaryField } from '@/fields/ratingSummary'
import { publishedAuthorIds } from '@/db/content'
import { txOf } from '@/db/transaction'
import { env } from '@/lib/env'
import { label } from '@/fields/options'
import { actsOnly } from '@/plugins/inert-hooks'
import { afterLoginRecord, alertOnPasswordReset, assignRolesOnCreate, beforeLoginCheckStatus, noteSecurityChanges, raiseAccountAlerts, resetPhoneVerification } from '@collections/identity/Users/hooks'

/** Personal data: the account holder and admins. */
const personal: Reader[] = ['self', 'admin']
/** Account state: also editors, who moderate. */
const accountState: Reader[] = ['self', 'admin', 'editor']
/** Roles whose profiles are public (people who sell, service or host); staff are not listed unless they also hold one. */
export const PUBLIC_PROFILE_ROLES = ['seller', 'technician', 'parking_owner'] as const
/**
 * Payload's auth fields (merged by name with its base fields, which keep their hooks): the API key is readable
 * only by its owner, on a single-document read, never in lists (not even by admins).
 */
const apiKeyPrivacy = { readers: ['self'] as Reader[], lists: false }

/**
 * Staff accounts appear publicly only as the authors of published posts (their byline: name, avatar, bio), never
 * merely for being staff. Computed once per request (one SQL read of the posts' author relations), started early by
 * reads that will populate users (`custom.warmReadAccess` below).
 */
async function publishedAuthors(req: AccessArgs['req']): Promise<number[]> {
  if (!(req.payload.collections as Record<string, unknown>).posts) return []
  const memo = req.context as { publishedAuthorIds?: Promise<number[]> }
  memo.publishedAuthorIds ??= txOf(req).then((tx) => publishedAuthorIds(req.payload, tx))
  return memo.publishedAuthorIds
}

/**
 * Whoever creates an account (public sign-up: not signed in yet) sees its email and the roles it was given in
 * the creation response; every later read follows the field privacy.
 */
const echoCreatedAccount: CollectionAfterOperationHook = async ({ operation, result, req }) => {
  if (operation !== 'create' || !result || typeof result !== 'object' || !('id' in result)) return result
  const stored = await req.payload.findByID({ collection: 'users', id: (result as { id: number }).id, overrideAccess: true, depth: 0, req })
  return { ...result, email: stored.email, roles: stored.roles }
}

/** Public profiles: people who sell, service or host, and authors of published posts. */
const publicProfiles = async ({ req }: AccessArgs): Promise<Where> => {
  const authors = await publishedAuthors(req)
  const byRole: Where = { roles: { in: [...PUBLIC_PROFILE_ROLES] } }
  return authors.length ? { or: [byRole, { id: { in: authors } }] } : byRole
}

const emailTemplate = (title: string, intro: string, link: string, action: string) => `<!doctype html>
<html><body style="font-family:Arial,sans-serif">
<h2>${title}</h2><p>${intro}</p>
<p><a href="${link}">${action}</a></p>
<p style="color:#666">If the button does not work, copy this address: ${link}</p>
</body></html>`

/** Accounts of every role. Auth: email verification, password reset, lockout, API keys for service accounts. */
export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'firstName', 'lastName', 'roles', 'status', 'lastLogin'],
    group: 'Identity',
  },
  auth: {
    useAPIKey: true,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 60 * 60 * 8,
    verify: {
      generateEmailSubject: () => 'Verify your AutoHub account',
      generateEmailHTML: ({ token }) => emailTemplate('Welcome to AutoHub', 'Confirm your email address to activate your account.', `${env.serverUrl}/admin/users/verify/${token}`, 'Verify my email'),
    },
    forgotPassword: {
      expiration: 60 * 60 * 1000,
      generateEmailSubject: () => 'Reset your AutoHub password',
      generateEmailHTML: (args) =>
        emailTemplate(
          'Password reset',
          'Someone (hopefully you) asked to reset your password. The link is valid for one hour.',
          `${env.serverUrl}/admin/reset/${args?.token}`,
          'Choose a new password',
        ),
    },
  },
  defaultPopulate: { firstName: true, lastName: true, avatar: true, accountType: true, companyName: true },
  access: {
    // Public profiles: people who sell, author, service or host; buyers' profiles are private.
    read: or(isAdmin, hasRole('editor'), isSelf, publicProfiles),
    create: anyone, // public sign-up; roles are sanitized by assignRolesOnCreate
    update: or(isAdmin, isSelf),
    delete: isAdmin,
    admin: ({ req }) => Boolean(req.user && (req.user as { roles?: string[] }).roles?.some((r) => r !== 'buyer')),
    unlock: isAdmin,
  },
  // Reads that will populate users start the authors' read at their own start (src/plugins/read-access-warmup.ts).
  custom: { warmReadAccess: (req: PayloadRequest) => void publishedAuthors(req).catch(() => undefined) },
  hooks: {
    beforeValidate: [alertOnPasswordReset],
    beforeChange: [assignRolesOnCreate, resetPhoneVerification, noteSecurityChanges],
    afterChange: [raiseAccountAlerts],
    beforeLogin: [beforeLoginCheckStatus],
    afterOperation: [actsOnly({ operations: ['create'] }, echoCreatedAccount)],
    afterLogin: [afterLoginRecord], // + commerce: merge the guest cart (its plugin)
  },
  fields: [
    { name: 'email', type: 'email', required: true, unique: true, ...privateField({ readers: personal }) },
    { name: 'enableAPIKey', label: 'Enable API key', type: 'checkbox', ...privateField(apiKeyPrivacy) },
    { name: 'apiKey', label: 'API key', type: 'text', ...privateField(apiKeyPrivacy) },
    { name: 'apiKeyIndex', type: 'text', ...privateField(apiKeyPrivacy) },
    { name: 'sessions', type: 'array', fields: [], ...privateField({ readers: ['self'] }) },
    { name: '_verified', type: 'checkbox', ...privateField({ readers: accountState }) },
    {
      type: 'row',
      fields: [
        { name: 'firstName', type: 'text', maxLength: 80 },
        { name: 'lastName', type: 'text', maxLength: 80 },
      ],
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      defaultValue: ['buyer'],
      options: ROLES.map((r) => ({ value: r, label: label(r) })),
      index: true,
      ...privateField({ readers: accountState }, { update: fieldAdminOnly }),
      admin: { description: 'Public sign-up may choose buyer, seller or parking owner; only admins grant other roles.' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          defaultValue: 'active',
          saveToJWT: true,
          index: true,
          options: ACCOUNT_STATUSES.map((s) => ({ value: s, label: label(s) })),
          ...privateField({ readers: accountState }, { create: fieldAdminOnly, update: fieldAdminOnly }),
        },
        {
          name: 'suspendedUntil',
          type: 'date',
          saveToJWT: true,
          admin: { date: { pickerAppearance: 'dayAndTime' }, condition: (d) => d?.status === 'suspended' },
          ...privateField({ readers: accountState }, { create: fieldAdminOnly, update: fieldAdminOnly }),
        },
      ],
    },
    { name: 'suspensionReason', type: 'text', ...privateField({ readers: accountState }, { create: fieldAdminOnly, update: fieldAdminOnly }), admin: { condition: (d) => d?.status === 'suspended' } },
    { name: 'phone', type: 'text', maxLength: 32, ...privateField({ readers: personal }) },
    {
      type: 'row',
      fields: [
        {
          name: 'phoneVerified',
          type: 'checkbox',
          defaultValue: false,
          index: true,
          ...privateField({ readers: personal }, { create: () => false, update: () => false }),
          admin: { readOnly: true, description: 'Set by phone verification (POST /api/users/phone/verify); cleared when the phone changes.' },
        },
        { name: 'phoneVerifiedAt', type: 'date', ...privateField({ readers: personal }, { create: () => false, update: () => false }), admin: { readOnly: true } },
      ],
    },
    {
      name: 'identities',
      type: 'array',
      admin: { readOnly: true, description: 'OpenID Connect accounts linked to this user (social sign-in).' },
      ...privateField({ readers: personal }, { create: () => false, update: () => false }),
      fields: [
        { name: 'provider', type: 'text', required: true, index: true },
        { name: 'subject', type: 'text', required: true, index: true },
        { name: 'email', type: 'text' },
        { name: 'linkedAt', type: 'date' },
      ],
    },
    { name: 'avatar', type: 'upload', relationTo: 'media' },
    { name: 'bio', type: 'textarea', maxLength: 2000 },
    {
      type: 'row',
      fields: [
        {
          name: 'accountType',
          type: 'select',
          defaultValue: 'individual',
          options: [
            { value: 'individual', label: 'Individual' },
            { value: 'company', label: 'Company' },
          ],
        },
        { name: 'companyName', type: 'text', admin: { condition: (d) => d?.accountType === 'company' } },
        {
          name: 'preferredLanguage',
          type: 'select',
          defaultValue: 'en',
          ...privateField({ readers: personal }),
          options: [
            { value: 'en', label: 'English' },
            { value: 'ar', label: 'العربية' },
          ],
        },
      ],
    },
    {
      name: 'location',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'city', type: 'text' },
            { name: 'region', type: 'text' },
            { name: 'country', type: 'text' },
          ],
        },
      ],
    },
    {
      name: 'social',
      type: 'group',
      fields: [
        { name: 'website', type: 'text' },
        { name: 'facebook', type: 'text' },
        { name: 'twitter', type: 'text' },
        { name: 'instagram', type: 'text' },
        { name: 'linkedin', type: 'text' },
      ],
    },
    {
      name: 'carInfo',
      type: 'group',
      admin: { description: 'The car the user drives (personalizes suggestions and compatibility).' },
      ...privateField({ readers: personal }),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'make', type: 'text' },
            { name: 'model', type: 'text' },
            { name: 'year', type: 'number', custom: { integer: true }, min: 1900, max: 2100 },
          ],
        },
      ],
    },
    {
      name: 'notificationPreferences',
      type: 'group',
      ...privateField({ readers: personal }),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'email', type: 'checkbox', defaultValue: true },
            { name: 'sms', type: 'checkbox', defaultValue: false },
            { name: 'push', type: 'checkbox', defaultValue: true },
          ],
        },
        {
          name: 'frequency',
          type: 'select',
          defaultValue: 'instant',
          options: [
            { value: 'instant', label: 'Instant' },
            { value: 'daily', label: 'Daily digest' },
            { value: 'weekly', label: 'Weekly digest' },
          ],
        },
        {
          name: 'mutedTypes',
          type: 'select',
          hasMany: true,
          options: NOTIFICATION_TYPES.map((t) => ({ value: t, label: label(t) })),
          admin: { description: 'Notification types that never send email (still shown in the app).' },
        },
        {
          name: 'mutedInApp',
          type: 'select',
          hasMany: true,
          options: NOTIFICATION_TYPES.map((t) => ({ value: t, label: label(t) })),
          admin: { description: 'Notification types not shown in the app (no in-app notification, no digest email).' },
        },
        {
          name: 'mutedSms',
          type: 'select',
          hasMany: true,
          options: NOTIFICATION_TYPES.map((t) => ({ value: t, label: label(t) })),
          admin: { description: 'Notification types never sent by SMS.' },
        },
        {
          name: 'mutedPush',
          type: 'select',
          hasMany: true,
          options: NOTIFICATION_TYPES.map((t) => ({ value: t, label: label(t) })),
          admin: { description: 'Notification types never sent as push notifications.' },
        },
        {
          type: 'row',
          fields: [
            { name: 'quietHoursStart', type: 'text', admin: { placeholder: '22:00' }, validate: (v: unknown) => !v || /^([01]\d|2[0-3]):[0-5]\d$/.test(String(v)) || 'Use HH:MM (24h).' },
            { name: 'quietHoursEnd', type: 'text', admin: { placeholder: '07:00' }, validate: (v: unknown) => !v || /^([01]\d|2[0-3]):[0-5]\d$/.test(String(v)) || 'Use HH:MM (24h).' },
            { name: 'timezone', type: 'text', defaultValue: 'UTC' },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'loyaltyPoints', type: 'number', defaultValue: 0, ...privateField({ readers: personal }, { create: () => false, update: () => false }), admin: { readOnly: true } },
        { name: 'lifetimePoints', type: 'number', defaultValue: 0, ...privateField({ readers: personal }, { create: () => false, update: () => false }), admin: { readOnly: true } },
        {
          name: 'loyaltyLevel',
          type: 'select',
          defaultValue: 'bronze',
          index: true,
          options: ['bronze', 'silver', 'gold', 'platinum', 'diamond'].map((v) => ({ value: v, label: label(v) })),
          ...privateField({ readers: personal }, { create: () => false, update: () => false }),
          admin: { readOnly: true, description: 'Kept by the loyalty ledger (docs/loyalty.md).' },
        },
      ],
    },
    ratingSummaryField(),
    { name: 'lastLogin', type: 'date', ...privateField({ readers: personal }, { create: () => false, update: () => false }), admin: { readOnly: true, position: 'sidebar' } },
  ],
}
