import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access'
import { privateField } from '@/access/privacy'

/**
 * The public contact form. `POST /api/contact-submissions { name, email, subject?, message, phone?, website }`:
 * `website` is a honeypot (filled → silently dropped), rate limited per IP, emailed to the site's contact
 * address (site-settings). Only admins read them.
 */
export const ContactSubmissions: CollectionConfig = {
  slug: 'contact-submissions',
  admin: { useAsTitle: 'subject', defaultColumns: ['subject', 'name', 'email', 'status', 'createdAt'], group: 'Community' },
  defaultSort: '-createdAt',
  // Anyone sends one through the workflow endpoint (POST, which replaces the REST create: rate limit, honeypot, mail); the
  // built-in create (GraphQL, admin panel) is the admins', or a client would skip those rules and set `ip` and `status`.
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120, ...privateField({ readers: ['admin'] }) },
    { name: 'email', type: 'email', required: true, index: true, ...privateField({ readers: ['admin'] }) },
    { name: 'phone', type: 'text', maxLength: 40, ...privateField({ readers: ['admin'] }) },
    { name: 'subject', type: 'text', maxLength: 200 },
    { name: 'message', type: 'textarea', required: true, maxLength: 5000, ...privateField({ readers: ['admin'] }) },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'new',
      index: true,
      options: [
        { value: 'new', label: 'New' },
        { value: 'handled', label: 'Handled' },
        { value: 'spam', label: 'Spam' },
      ],
    },
    { name: 'ip', type: 'text', index: true, ...privateField({ readers: ['admin'] }), admin: { readOnly: true } },
    { name: 'userAgent', type: 'text', ...privateField({ readers: ['admin'] }), admin: { readOnly: true } },
  ],
}
