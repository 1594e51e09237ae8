/**
 * notify(): the one service every domain calls to tell a user something. It writes the in-app
 * `notifications` record (title and message in en and ar) in the caller's transaction (through `req`),
 * emits `notification:new` to the user's socket.io room, and handles email per the user's preferences:
 * muted types and email off → none; frequency daily/weekly → queued for the digest job; instant → sent now,
 * unless the user is in quiet hours (their time zone) → queued and sent by the digest job when they end; a failed
 * instant email is retried with backoff by the notification-deliveries job (./email-retry).
 * `urgent` (account/security) mail is always sent at once. SMS (selected types, verified phones) and Web Push
 * (each of the user's subscriptions) are queued as `notification-deliveries` rows in the user's language and
 * tried after the commit (./deliveries: recorded per channel, retried with backoff by a job), never during quiet
 * hours unless urgent. Each channel honours the user's per-type mutes (in-app, email, SMS, push). An active
 * `notification-templates` row for the type replaces the texts the event passed (placeholders from `data`).
 * Inside an API request the email, SMS/push and socket emit wait until the request's transaction has
 * committed, and are dropped if it rolls back (src/lib/after-commit.ts).
 */
import type { PayloadRequest } from 'payload'

import { insertNotification, markEmailUnsent, recordEmailAttempt } from '@/db/community'
import { userFields } from '@/db/identity'
import { pushSubscriptionsOf, type PushSubscriptionRow } from '@/db/notifications'
import { dbOf, type Tx, txOf } from '@/db/transaction'
import { afterCommitDetached } from '@/lib/after-commit'
import { allSettledOrThrow } from '@/lib/settle'
import { emailDecision, inQuietHours, type NotificationPrefs } from '@/domain/community'
import { type ChannelPrefs, channelPlan, emailAfterAttempt, renderTemplate } from '@/domain/community/delivery'
import type { NotificationType } from '@/domain/notification-types'
import { emitToRoom, userRoom } from '@/realtime/bus'

import { instantEmail, sendEmail } from './channels'
import { attemptDeliveries } from './deliveries'

export interface NotifyInput {
  user: number | string
  type: NotificationType
  /** Localized texts; `ar` falls back to `en`. */
  title: { en: string; ar?: string }
  message: { en: string; ar?: string }
  /** Event data, stored with the notification; also the template's placeholders. */
  data?: Record<string, unknown>
  actionUrl?: string
  /** Send email regardless of frequency settings and quiet hours (security and account mail). */
  urgent?: boolean
}

interface Recipient {
  id: number
  email?: string | null
  phone?: string | null
  phoneVerified?: boolean | null
  preferredLanguage?: string | null
  notificationPreferences?: (NotificationPrefs & ChannelPrefs) | null
}

type Texts = { title: string; message: string }

interface Template {
  title: Record<string, string | null | undefined>
  body: Record<string, string | null | undefined>
}

/**
 * Active templates by type, kept for a few seconds and dropped when a template is saved or deleted
 * (collections/community/NotificationTemplates): every notification looked its type's template up, and templates
 * change rarely. Another instance sees an edit within TEMPLATE_TTL_MS, as with the platform settings.
 */
const TEMPLATE_TTL_MS = 5_000
const templates = new Map<string, { value: Template | null; at: number }>()

export function invalidateNotificationTemplates(): void {
  templates.clear()
}

/** A request's template reads under way by type: its notifications issued together read each type once. */
const reading = new WeakMap<PayloadRequest, Map<string, Promise<Template | null>>>()

async function activeTemplate(req: PayloadRequest, type: NotificationType): Promise<Template | null> {
  const cached = templates.get(type)
  if (cached && Date.now() - cached.at < TEMPLATE_TTL_MS) return cached.value
  // shared within the request only: the read runs in its transaction
  const own = reading.get(req) ?? reading.set(req, new Map()).get(req)!
  const pending = own.get(type) ?? readTemplate(req, type).finally(() => own.delete(type))
  own.set(type, pending)
  return pending
}

async function readTemplate(req: PayloadRequest, type: NotificationType): Promise<Template | null> {
  const found = await req.payload.find({
    collection: 'notification-templates',
    where: { and: [{ type: { equals: type } }, { active: { equals: true } }] },
    locale: 'all',
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const t = found.docs[0] as unknown as Partial<Template> | undefined
  const value = t?.title && t.body ? { title: t.title, body: t.body } : null
  templates.set(type, { value, at: Date.now() })
  return value
}

/** The type's active template, rendered in both languages, or the event's own texts. */
async function textsFor(req: PayloadRequest, input: NotifyInput): Promise<{ en: Texts; ar: Texts }> {
  const own = { en: { title: input.title.en, message: input.message.en }, ar: { title: input.title.ar ?? input.title.en, message: input.message.ar ?? input.message.en } }
  if (!(req.payload.collections as Record<string, unknown>)['notification-templates']) return own
  const t = await activeTemplate(req, input.type)
  if (!t?.title.en || !t.body.en) return own
  const vars = input.data ?? {}
  const en = { title: renderTemplate(t.title.en, vars), message: renderTemplate(t.body.en, vars) }
  return { en, ar: { title: t.title.ar ? renderTemplate(t.title.ar, vars) : en.title, message: t.body.ar ? renderTemplate(t.body.ar, vars) : en.message } }
}

/** What notify() decides with about a recipient: contact fields, preferences and Web Push subscriptions. */
export interface PreparedRecipient {
  user: Recipient
  subscriptions: PushSubscriptionRow[]
}

/** Reads what notify() decides with about `userId` (null: no such user), in the caller's transaction. */
export async function readRecipient(req: PayloadRequest, userId: number | string): Promise<PreparedRecipient | null> {
  // read together: one round trip on the transaction's connection (src/db/pool.ts)
  const [user, subscriptions] = await allSettledOrThrow([
    userFields(req, userId, ['email', 'phone', 'phoneVerified', 'preferredLanguage', 'notificationPreferences']) as Promise<Recipient | null>,
    txOf(req).then((tx) => pushSubscriptionsOf(tx, Number(userId))),
  ])
  if (!user) return null
  return { user, subscriptions }
}

/**
 * The recipients of notifications a workflow will send, read ahead: a transaction that holds hot rows from some
 * step to its commit (checkout: the parts' stock, the year's order counter) reads them before that step and passes
 * each to notify(), so the reads do not lengthen the time the rows stay locked.
 */
export async function readRecipients(req: PayloadRequest, userIds: readonly number[]): Promise<Map<number, PreparedRecipient | null>> {
  const ids = [...new Set(userIds)]
  const read = await allSettledOrThrow(ids.map((id) => readRecipient(req, id)))
  return new Map(ids.map((id, n) => [id, read[n]]))
}

/** What a notify() wrote: the in-app notification (null when muted in the app) and the SMS / push delivery rows. */
export interface NotifyWritten {
  id: number | null
  deliveries: number[]
}

/** Tells `input.user` something; `recipient`, when given, is what readRecipient() read of them earlier in the transaction. */
export async function notify(req: PayloadRequest, input: NotifyInput, recipient?: PreparedRecipient | null): Promise<NotifyWritten | null> {
  const { payload } = req
  const now = new Date()
  const prepared = recipient !== undefined ? recipient : await readRecipient(req, input.user)
  if (!prepared) return null
  const { user, subscriptions } = prepared
  const prefs = user.notificationPreferences ?? {}
  const tx = await txOf(req)
  const quiet = inQuietHours(prefs, now)
  const plan = channelPlan(prefs, input.type, { verifiedPhone: Boolean(user.phone && user.phoneVerified), pushSubscriptions: subscriptions.length }, quiet, input.urgent)
  let decision = user.email ? emailDecision(prefs, input.type, now, input.urgent) : 'none'
  // Muted in the app: no record, so nothing for the digest to mail later.
  if (!plan.inApp && decision === 'queue') decision = 'none'
  if (!plan.inApp && decision === 'none' && !plan.sms && !plan.push) return null
  const texts = await textsFor(req, input)
  const { ar } = texts
  const mine = user.preferredLanguage === 'ar' ? ar : texts.en

  let created: { id: number; createdAt: string } | null = null
  if (plan.inApp) {
    created = await insertNotification(tx, {
      user: user.id,
      type: input.type,
      data: input.data ?? {},
      actionUrl: input.actionUrl,
      urgent: Boolean(input.urgent),
      emailStatus: decision === 'queue' ? 'queued' : decision === 'send' ? 'sending' : 'none',
      texts: { en: texts.en, ar },
    })

    emitToRoom(userRoom(user.id), 'notification:new', {
      id: created.id,
      type: input.type,
      title: texts.en.title,
      message: texts.en.message,
      locales: { en: texts.en, ar },
      // The car-services apps read the Arabic texts flat (docs/source-systems.md).
      titleAr: ar.title,
      messageAr: ar.message,
      data: input.data ?? {},
      actionUrl: input.actionUrl,
      createdAt: created.createdAt,
    })
  }

  if (decision === 'send') {
    const mail = instantEmail(user.email!, { ...mine, actionUrl: input.actionUrl })
    const id = created?.id
    const deliver = async (db: Pick<Tx, 'execute'>, sent: typeof mail) => {
      const ok = await sendEmail(payload, sent)
      // a failed first attempt stays `sending` for the retry job (./email-retry)
      const at = new Date()
      if (id !== undefined) await recordEmailAttempt(db, id, { ...emailAfterAttempt(ok, 1, at), attempts: 1, at })
    }
    // In a request: after the commit, without holding the response, the status written on its own connection (a
    // failed request sends nothing and leaves `none`, if the row survived at all), its texts as they stand then (a
    // provisional order number renamed: renameInEffects). Elsewhere: now, in the transaction.
    const db = dbOf(payload)
    const unsent = () => (id !== undefined ? markEmailUnsent(db, id) : Promise.resolve())
    if (!afterCommitDetached((named) => deliver(db, named(mail)), unsent)) await deliver(tx, mail)
  }

  // SMS and push: one delivery row per target, in the recipient's language; tried once the transaction commits.
  const base = {
    notification: created?.id ?? null,
    user: user.id,
    type: input.type,
    locale: user.preferredLanguage === 'ar' ? 'ar' : 'en',
    title: mine.title,
    body: mine.message,
    actionUrl: input.actionUrl ?? null,
    status: 'pending' as const,
    attempts: 0,
  }
  const rows: { channel: 'sms' | 'push'; target: string; subscription?: number }[] = []
  if (plan.sms) rows.push({ channel: 'sms', target: user.phone! })
  if (plan.push) for (const s of subscriptions) rows.push({ channel: 'push', target: String(s.id), subscription: s.id })
  const ids: number[] = []
  for (const r of rows) {
    const d = await payload.create({ collection: 'notification-deliveries', req, overrideAccess: true, depth: 0, data: { ...base, ...r } })
    ids.push(d.id)
  }
  if (ids.length && !afterCommitDetached(() => attemptDeliveries(payload, ids))) await attemptDeliveries(payload, ids)
  return created || ids.length ? { id: created?.id ?? null, deliveries: ids } : null
}
