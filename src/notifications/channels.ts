/**
 * The email channel of notify(): Payload's email adapter (SMTP from env). SMS and push are in ./sms, ./push and
 * ./deliveries.
 */
import type { Payload } from 'payload'

import { env } from '@/lib/env'

export interface EmailContent {
  to: string
  subject: string
  text: string
  html: string
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

const absolute = (url: string) => (/^https?:\/\//.test(url) ? url : `${env.serverUrl}${url.startsWith('/') ? '' : '/'}${url}`)

/** One notification as an email. */
export function instantEmail(to: string, n: { title: string; message: string; actionUrl?: string | null }): EmailContent {
  const link = n.actionUrl ? absolute(n.actionUrl) : null
  return {
    to,
    subject: n.title,
    text: `${n.message}${link ? `\n\n${link}` : ''}`,
    html: `<p>${escapeHtml(n.message)}</p>${link ? `<p><a href="${escapeHtml(link)}">Open</a></p>` : ''}`,
  }
}

/** Several notifications as ONE digest email. */
export function digestEmail(to: string, items: { title: string; message: string; actionUrl?: string | null; createdAt: string }[], total: number, ar: boolean): EmailContent {
  const subject = ar ? `ملخص AutoHub: ${total} إشعارات` : `Your AutoHub digest: ${total} notification${total === 1 ? '' : 's'}`
  const lines = items.map((n) => `- ${n.title}: ${n.message}${n.actionUrl ? ` (${absolute(n.actionUrl)})` : ''}`)
  const more = total > items.length ? (ar ? `\n… و${total - items.length} أخرى` : `\n… and ${total - items.length} more`) : ''
  const html = `<h2>${escapeHtml(subject)}</h2><ul>${items
    .map((n) => `<li><strong>${escapeHtml(n.title)}</strong><br>${escapeHtml(n.message)}${n.actionUrl ? ` <a href="${escapeHtml(absolute(n.actionUrl))}">Open</a>` : ''}</li>`)
    .join('')}</ul>${more ? `<p>${escapeHtml(more.trim())}</p>` : ''}`
  return { to, subject, text: `${lines.join('\n')}${more}`, html }
}

export async function sendEmail(payload: Payload, mail: EmailContent): Promise<boolean> {
  try {
    await payload.sendEmail(mail)
    return true
  } catch (err) {
    payload.logger.warn({ err, msg: 'notification email failed' })
    return false
  }
}
