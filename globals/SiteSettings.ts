import type { GlobalConfig } from 'payload'

import { anyone, isAdmin } from '@/access'

/** Public site facts for frontends: name, contact, social links, currency, default loan APR. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'System' },
  access: { read: anyone, update: isAdmin },
  fields: [
    { name: 'siteName', type: 'text', required: true, defaultValue: 'AutoHub', localized: true },
    { name: 'tagline', type: 'text', localized: true },
    {
      name: 'contact',
      type: 'group',
      fields: [
        { name: 'email', type: 'email', defaultValue: 'contact@autohub.local' },
        { name: 'phone', type: 'text' },
        { name: 'address', type: 'textarea', localized: true },
      ],
    },
    {
      name: 'social',
      type: 'group',
      fields: [
        { name: 'facebook', type: 'text' },
        { name: 'twitter', type: 'text' },
        { name: 'instagram', type: 'text' },
        { name: 'youtube', type: 'text' },
        { name: 'linkedin', type: 'text' },
      ],
    },
    { name: 'currency', type: 'text', required: true, defaultValue: 'USD', maxLength: 3 },
    { name: 'defaultLoanApr', type: 'number', required: true, defaultValue: 6.5, min: 0, max: 100, admin: { description: 'APR (%) prefilled in the loan calculator.' } },
  ],
}
