/**
 * Delivery channels for notify(). Email goes through Payload's email adapter when the user's preferences
 * allow it; SMS and push go through a provider interface whose default implementation logs.
 */
import type { PayloadRequest } from 'payload'

import type { NotifyInput } from './notify'

export interface MessageProvider {
  send(to: string, text: string): Promise<void>
}

export const logProvider = (channel: string): MessageProvider => ({
  async send(to, text) {
    console.info(`[${channel}] to ${to}: ${text}`)
  },
})

export const providers: { sms: MessageProvider; push: MessageProvider } = {
  sms: logProvider('sms'),
  push: logProvider('push'),
}

interface Prefs {
  email?: boolean | null
  frequency?: 'instant' | 'daily' | 'weekly' | null
  mutedTypes?: string[] | null
}

/** Sends the email now when the user wants instant email for this type; digests are sent by a job. */
export async function deliverEmail(req: PayloadRequest, _notificationId: number | string, input: NotifyInput): Promise<void> {
  const user = (await req.payload.findByID({ collection: 'users', id: input.user, req, depth: 0, overrideAccess: true, disableErrors: true })) as
    | { email?: string; preferredLanguage?: string; notificationPreferences?: Prefs }
    | null
  if (!user?.email) return
  const prefs = user.notificationPreferences ?? {}
  if (!input.urgent) {
    if (prefs.email === false) return
    if (prefs.mutedTypes?.includes(input.type)) return
    if (prefs.frequency && prefs.frequency !== 'instant') return
  }
  const ar = user.preferredLanguage === 'ar'
  const title = ar ? (input.title.ar ?? input.title.en) : input.title.en
  const message = ar ? (input.message.ar ?? input.message.en) : input.message.en
  try {
    await req.payload.sendEmail({
      to: user.email,
      subject: title,
      html: `<p>${escapeHtml(message)}</p>${input.actionUrl ? `<p><a href="${escapeHtml(input.actionUrl)}">Open</a></p>` : ''}`,
      text: `${message}${input.actionUrl ? `\n\n${input.actionUrl}` : ''}`,
    })
  } catch (err) {
    req.payload.logger.warn({ err, msg: 'notification email failed' })
  }
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)
