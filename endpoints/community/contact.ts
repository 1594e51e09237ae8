/**
 * `POST /api/contact-submissions { name, email, subject?, message, phone?, website? }` — the public contact
 * form. `website` is a honeypot: bots that fill it get a normal-looking 201 and nothing is stored or sent.
 */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'

import { submitContact } from './operations/contact'
import { optStr, str } from '@/http/fields'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const THANKS = 'Thank you: we will get back to you soon.'

const form = z.object({
  name: str('name', { max: 120 }),
  email: str('email', { max: 254, pattern: EMAIL, patternMessage: 'email must be a valid email address.' }),
  subject: optStr('subject', { max: 200 }),
  message: str('message', { min: 5, max: 5000 }),
  phone: optStr('phone', { max: 40 }),
})

const filledHoneypot = (v: unknown) => v !== null && typeof v === 'object' && typeof (v as { website?: unknown }).website === 'string' && (v as { website: string }).website.trim() !== ''

/** The form, unless the honeypot is filled (then nothing else is checked). */
const body = z.unknown().transform((v, ctx) => {
  if (filledHoneypot(v)) return { honeypot: true as const }
  const parsed = form.safeParse(v)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
    return z.NEVER
  }
  return { honeypot: false as const, form: parsed.data }
})

export const submitContactEndpoint = defineEndpoint({
  method: 'post',
  path: '/',
  summary: 'The public contact form (honeypot `website`; at most CONTACT_RATE messages per IP per window, else 429).',
  auth: 'public',
  status: 201,
  body,
  run: async ({ req, body }) => (body.honeypot ? { message: THANKS } : { message: THANKS, ...(await submitContact(req, body.form)) }),
})
