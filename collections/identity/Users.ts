import type { CollectionConfig } from 'payload'

import {
  fieldAdminOnly,
  fieldOwnerOrAdmin,
  hasRole,
  isAdmin,
  isSelf,
  or,
  ROLES,
  ACCOUNT_STATUSES,
  anyone,
} from '@/access'
import { NOTIFICATION_TYPES } from '@/domain/notification-types'
import { ratingSummaryField } from '@/fields/ratingSummary'
import { env } from '@/lib/env'
import { afterLoginRecord, beforeLoginCheckStatus, assignRolesOnCreate } from '@hooks/users'
import { mergeGuestCartOnLogin } from '@hooks/commerce-cart-merge'

const label = (v: string) => v.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())
const privateField = { read: fieldOwnerOrAdmin(null) }

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
      generateEmailHTML: ({ token }) =>
        emailTemplate(
          'Welcome to AutoHub',
          'Confirm your email address to activate your account.',
          `${env.serverUrl}/admin/users/verify/${token}`,
          'Verify my email',
        ),
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
    read: or(isAdmin, hasRole('editor'), isSelf, () => ({
      roles: { in: ['seller', 'technician', 'parking_owner', 'editor', 'admin'] },
    })),
    create: anyone, // public sign-up; roles are sanitized by assignRolesOnCreate
    update: or(isAdmin, isSelf),
    delete: isAdmin,
    admin: ({ req }) => Boolean(req.user && (req.user as { roles?: string[] }).roles?.some((r) => r !== 'buyer')),
    unlock: isAdmin,
  },
  hooks: {
    beforeChange: [assignRolesOnCreate],
    beforeLogin: [beforeLoginCheckStatus],
    afterLogin: [afterLoginRecord, mergeGuestCartOnLogin],
  },
  fields: [
    { name: 'email', type: 'email', required: true, unique: true, access: privateField },
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
      access: { update: fieldAdminOnly },
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
          access: { create: fieldAdminOnly, update: fieldAdminOnly },
        },
        {
          name: 'suspendedUntil',
          type: 'date',
          saveToJWT: true,
          admin: { date: { pickerAppearance: 'dayAndTime' }, condition: (d) => d?.status === 'suspended' },
          access: { create: fieldAdminOnly, update: fieldAdminOnly },
        },
      ],
    },
    { name: 'suspensionReason', type: 'text', access: { read: fieldOwnerOrAdmin(null), create: fieldAdminOnly, update: fieldAdminOnly }, admin: { condition: (d) => d?.status === 'suspended' } },
    { name: 'phone', type: 'text', maxLength: 32, access: privateField },
    { name: 'avatar', type: 'upload', relationTo: 'media' },
    { name: 'bio', type: 'textarea', maxLength: 2000 },
    {
      type: 'row',
      fields: [
        { name: 'accountType', type: 'select', defaultValue: 'individual', options: [{ value: 'individual', label: 'Individual' }, { value: 'company', label: 'Company' }] },
        { name: 'companyName', type: 'text', admin: { condition: (d) => d?.accountType === 'company' } },
        { name: 'preferredLanguage', type: 'select', defaultValue: 'en', options: [{ value: 'en', label: 'English' }, { value: 'ar', label: 'العربية' }] },
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
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'make', type: 'text' },
            { name: 'model', type: 'text' },
            { name: 'year', type: 'number', min: 1900, max: 2100 },
          ],
        },
      ],
    },
    {
      name: 'notificationPreferences',
      type: 'group',
      access: privateField,
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
          type: 'row',
          fields: [
            { name: 'quietHoursStart', type: 'text', admin: { placeholder: '22:00' }, validate: (v: unknown) => !v || /^([01]\d|2[0-3]):[0-5]\d$/.test(String(v)) || 'Use HH:MM (24h).' },
            { name: 'quietHoursEnd', type: 'text', admin: { placeholder: '07:00' }, validate: (v: unknown) => !v || /^([01]\d|2[0-3]):[0-5]\d$/.test(String(v)) || 'Use HH:MM (24h).' },
            { name: 'timezone', type: 'text', defaultValue: 'UTC' },
          ],
        },
      ],
    },
    ratingSummaryField(),
    { name: 'lastLogin', type: 'date', access: { read: fieldOwnerOrAdmin(null), create: () => false, update: () => false }, admin: { readOnly: true, position: 'sidebar' } },
  ],
}
