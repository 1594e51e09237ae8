/**
 * `POST /api/contact-submissions { name, email, subject?, message, phone?, website? }` — the public contact
 * form. `website` is a honeypot: bots that fill it get a normal-looking 201 and nothing is stored or sent.
 * Rate limited per client IP in the database (so across instances): CONTACT_RATE.max per window.
 */
import type { PayloadHandler } from 'payload'

import { advisoryLock, sql, withTransaction } from '@/db/transaction'
import { CONTACT_RATE } from '@/domain/community'
import { assertValid, HttpError, json, readJson } from '@/lib/http'
import { clientIp } from '@/lib/request'
import { Input } from '@/lib/validate'
import { escapeHtml } from '@/notifications/channels'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const THANKS = 'Thank you: we will get back to you soon.'

export const submitContactForm: PayloadHandler = async (req) => {
  const body = await readJson(req)
  if (typeof body.website === 'string' && body.website.trim() !== '') return json({ message: THANKS }, 201)
  const input = new Input(body)
  const name = input.string('name', { required: true, max: 120 })
  const email = input.string('email', { required: true, max: 254, pattern: EMAIL, patternMessage: 'email must be a valid email address.' })
  const subject = input.string('subject', { max: 200 })
  const message = input.string('message', { required: true, min: 5, max: 5000 })
  const phone = input.string('phone', { max: 40 })
  assertValid(input)
  const ip = clientIp(req) || 'unknown'
  const doc = await withTransaction(req, async (tx) => {
    await advisoryLock(tx, 'contact-form', ip)
    const recent = await tx.execute(
      sql`select count(*)::int as n from contact_submissions where ip = ${ip} and created_at > now() - make_interval(mins => ${CONTACT_RATE.windowMinutes})`,
    )
    if (Number(recent.rows[0].n) >= CONTACT_RATE.max) {
      throw new HttpError(429, `Too many messages: try again in ${CONTACT_RATE.windowMinutes} minutes.`)
    }
    return req.payload.create({
      collection: 'contact-submissions' as never,
      req,
      depth: 0,
      overrideAccess: true,
      data: { name, email, subject, message, phone, ip, userAgent: req.headers.get('user-agent')?.slice(0, 300) ?? null, status: 'new' } as never,
    })
  })
  const site = (await req.payload.findGlobal({ slug: 'site-settings' as never, depth: 0, overrideAccess: true })) as { contact?: { email?: string } }
  const to = site?.contact?.email
  if (to) {
    const title = `[Contact] ${subject ?? `Message from ${name}`}`
    await req.payload
      .sendEmail({
        to,
        replyTo: email,
        subject: title,
        text: `From: ${name} <${email}>${phone ? `\nPhone: ${phone}` : ''}\n\n${message}`,
        html: `<p><strong>From:</strong> ${escapeHtml(name!)} &lt;${escapeHtml(email!)}&gt;${phone ? `<br><strong>Phone:</strong> ${escapeHtml(phone)}` : ''}</p><p>${escapeHtml(message!).replace(/\n/g, '<br>')}</p>`,
      })
      .catch((err: unknown) => req.payload.logger.warn({ err, msg: 'contact form email failed' }))
  }
  return json({ message: THANKS, id: (doc as { id: number }).id }, 201)
}
