/**
 * notify(): the one service every domain calls to tell a user something. It writes the in-app
 * `notifications` record (title and message in en and ar) in the caller's transaction (through `req`),
 * emits `notification:new` to the user's socket.io room, and handles email per the user's preferences:
 * muted types and email off → none; frequency daily/weekly → queued for the digest job; instant → sent now,
 * unless the user is in quiet hours (their time zone) → queued and sent by the digest job when they end.
 * `urgent` (account/security) mail is always sent at once. SMS (selected types) and push go through
 * the providers in ./channels (log by default), never during quiet hours unless urgent.
 * Inside an API request the email, SMS/push and socket emit wait until the request's transaction has
 * committed, and are dropped if it rolls back (src/lib/after-commit.ts).
 */
import type { PayloadRequest } from 'payload'

import { insertNotificationArabic, markEmailUnsent, setEmailOutcome } from '@/db/community'
import { dbOf, type Tx, txOf } from '@/db/transaction'
import { afterCommit } from '@/lib/after-commit'
import { emailDecision, inQuietHours, type NotificationPrefs } from '@/domain/community'
import type { NotificationType } from '@/domain/notification-types'
import { emitToRoom, userRoom } from '@/realtime/bus'

import { instantEmail, providers, sendEmail, SMS_TYPES } from './channels'

export interface NotifyInput {
  user: number | string
  type: NotificationType
  /** Localized texts; `ar` falls back to `en`. */
  title: { en: string; ar?: string }
  message: { en: string; ar?: string }
  data?: Record<string, unknown>
  actionUrl?: string
  /** Send email regardless of frequency settings and quiet hours (security and account mail). */
  urgent?: boolean
}

interface Recipient {
  id: number
  email?: string | null
  phone?: string | null
  preferredLanguage?: string | null
  notificationPreferences?: (NotificationPrefs & { sms?: boolean | null; push?: boolean | null }) | null
}

export async function notify(req: PayloadRequest, input: NotifyInput): Promise<{ id: number | string } | null> {
  const { payload } = req
  const now = new Date()
  const user = (await payload.findByID({ collection: 'users', id: input.user, req, depth: 0, overrideAccess: true, disableErrors: true })) as Recipient | null
  if (!user) return null
  const prefs = user.notificationPreferences ?? {}
  const decision = user.email ? emailDecision(prefs, input.type, now, input.urgent) : 'none'
  const ar = { title: input.title.ar ?? input.title.en, message: input.message.ar ?? input.message.en }

  const created = await payload.create({
    collection: 'notifications',
    req,
    overrideAccess: true,
    locale: 'en',
    depth: 0,
    data: {
      user: user.id,
      type: input.type,
      title: input.title.en,
      message: input.message.en,
      data: input.data ?? {},
      actionUrl: input.actionUrl,
      urgent: Boolean(input.urgent),
      read: false,
      emailStatus: decision === 'queue' ? 'queued' : decision === 'send' ? 'sending' : 'none',
    },
  })
  const tx = await txOf(req)
  await insertNotificationArabic(tx, created.id, ar)

  emitToRoom(userRoom(user.id), 'notification:new', {
    id: created.id,
    type: input.type,
    title: input.title.en,
    message: input.message.en,
    locales: { en: { title: input.title.en, message: input.message.en }, ar },
    // The car-services apps read the Arabic texts flat (docs/source-systems.md).
    titleAr: ar.title,
    messageAr: ar.message,
    data: input.data ?? {},
    actionUrl: input.actionUrl,
    createdAt: created.createdAt,
  })

  if (decision === 'send') {
    const lang = user.preferredLanguage === 'ar' ? ar : { title: input.title.en, message: input.message.en }
    const mail = instantEmail(user.email!, { ...lang, actionUrl: input.actionUrl })
    const deliver = async (db: Pick<Tx, 'execute'>) => {
      const ok = await sendEmail(payload, mail)
      await setEmailOutcome(db, created.id, ok, now)
    }
    // In a request: after the commit, the status written on its own connection (a failed request sends nothing
    // and leaves `none`, if the row survived at all). Elsewhere: now, in the transaction.
    const db = dbOf(payload)
    const unsent = () => markEmailUnsent(db, created.id)
    if (!afterCommit(() => deliver(db), unsent)) await deliver(tx)
  }

  const quiet = !input.urgent && inQuietHours(prefs, now)
  if (!quiet) {
    const text = `${input.title.en}: ${input.message.en}`
    const phone = user.phone
    const send = async () => {
      if (prefs.push !== false) await providers.push.send(`user:${user.id}`, text).catch(() => {})
      if (prefs.sms && phone && (input.urgent || SMS_TYPES.has(input.type))) await providers.sms.send(phone, text).catch(() => {})
    }
    if (!afterCommit(send)) await send()
  }
  return { id: created.id }
}
