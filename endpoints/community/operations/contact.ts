/** The public contact form: rate limited per client IP in the database (so across instances), then mailed to the site's contact address. */
import type { PayloadRequest } from 'payload'

import { countRecentContactSubmissions } from '@/db/community'
import { advisoryLock, withTransaction } from '@/db/transaction'
import { CONTACT_RATE } from '@/domain/community'
import { HttpError } from '@/lib/http'
import { clientIp } from '@/lib/request'
import { escapeHtml } from '@/notifications/channels'

export interface ContactInput {
  name: string
  email: string
  subject?: string
  message: string
  phone?: string
}

/**
 * Stores a contact submission and mails it to the site's contact address.
 * Steps: lock the client IP → refuse past CONTACT_RATE (429) → store → email (a failure is logged, not raised).
 */
export async function submitContact(req: PayloadRequest, input: ContactInput): Promise<{ id: number }> {
  const { name, email, subject, message, phone } = input
  const ip = clientIp(req) || 'unknown'
  const doc = await withTransaction(req, async (tx) => {
    await advisoryLock(tx, 'contact-form', ip)
    if ((await countRecentContactSubmissions(tx, ip, CONTACT_RATE.windowMinutes)) >= CONTACT_RATE.max) {
      throw new HttpError(429, `Too many messages: try again in ${CONTACT_RATE.windowMinutes} minutes.`)
    }
    return req.payload.create({
      collection: 'contact-submissions',
      req,
      depth: 0,
      overrideAccess: true,
      data: { name, email, subject, message, phone, ip, userAgent: req.headers.get('user-agent')?.slice(0, 300) ?? null, status: 'new' },
    })
  })
  const site = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true })
  const to = site.contact?.email
  if (to) {
    await req.payload
      .sendEmail({
        to,
        replyTo: email,
        subject: `[Contact] ${subject ?? `Message from ${name}`}`,
        text: `From: ${name} <${email}>${phone ? `\nPhone: ${phone}` : ''}\n\n${message}`,
        html: `<p><strong>From:</strong> ${escapeHtml(name)} &lt;${escapeHtml(email)}&gt;${phone ? `<br><strong>Phone:</strong> ${escapeHtml(phone)}` : ''}</p><p>${escapeHtml(message).replace(/\n/g, '<br>')}</p>`,
      })
      .catch((err: unknown) => req.payload.logger.warn({ err, msg: 'contact form email failed' }))
  }
  return { id: doc.id }
}
