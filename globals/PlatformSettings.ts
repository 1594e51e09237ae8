import type { GlobalConfig } from 'payload'

import { isAdmin } from '@/access'
import { invalidatePlatformSettings } from '@/lib/settings'

/** Operational rules, admin only. Read on the server through getPlatformSettings() (cached, invalidated on save). */
export const PlatformSettings: GlobalConfig = {
  slug: 'platform-settings',
  label: 'Platform settings',
  admin: { group: 'System' },
  access: { read: isAdmin, update: isAdmin },
  hooks: { afterChange: [() => invalidatePlatformSettings()] },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Marketplace',
          fields: [
            { name: 'listingModeration', type: 'checkbox', defaultValue: true, admin: { description: 'New listings wait for approval (verified dealers skip it).' } },
            { name: 'offerTtlHours', type: 'number', required: true, defaultValue: 48, min: 1, max: 720 },
            { name: 'maxPageSize', type: 'number', required: true, defaultValue: 100, min: 1, max: 1000, admin: { description: 'Largest page a public list request may ask for.' } },
          ],
        },
        {
          label: 'Bookings',
          fields: [
            {
              name: 'cancellationPolicy',
              type: 'group',
              fields: [
                { name: 'fullRefundHoursBefore', type: 'number', required: true, defaultValue: 24, min: 0 },
                { name: 'lateRefundPercent', type: 'number', required: true, defaultValue: 50, min: 0, max: 100 },
              ],
            },
            { name: 'checkInGraceMinutes', type: 'number', required: true, defaultValue: 15, min: 0, max: 240 },
            {
              name: 'paymentHoldMinutes',
              type: 'number',
              required: true,
              defaultValue: 15,
              min: 1,
              max: 1440,
              admin: { description: 'A parking booking paid by card holds its slot this long; unpaid by then, it is released.' },
            },
          ],
        },
        {
          label: 'Commerce',
          fields: [
            { name: 'taxRatePercent', type: 'number', required: true, defaultValue: 0, min: 0, max: 100 },
            { name: 'flatShipping', type: 'number', required: true, defaultValue: 10, min: 0 },
            { name: 'freeShippingThreshold', type: 'number', required: true, defaultValue: 200, min: 0 },
            { name: 'unpaidOrderTtlMinutes', type: 'number', required: true, defaultValue: 30, min: 1 },
            {
              name: 'subscriptionGraceDays',
              type: 'number',
              required: true,
              defaultValue: 7,
              min: 0,
              max: 60,
              admin: { description: 'After a failed renewal the plan stays while Stripe retries, this many days; then it lapses.' },
            },
          ],
        },
        {
          label: 'Content',
          fields: [{ name: 'commentModeration', type: 'checkbox', defaultValue: true, admin: { description: 'Comments wait for approval before they are public.' } }],
        },
      ],
    },
  ],
}
