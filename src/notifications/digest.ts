/**
 * The email digest: every notification whose email was queued (daily/weekly frequency, quiet-hours deferral,
 * broadcasts) is mailed as ONE email per user when the user's digest is due (src/domain/community/index.ts
 * `digestDue`): never during the user's quiet hours; instant users as soon as quiet hours end; daily/weekly
 * users at most once per day/week. Safe with several workers: each user is handled under a try-lock and the
 * rows are marked in the same transaction as the send.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { sql, withTransaction } from '@/db/transaction'
import { digestDue, type NotificationPrefs } from '@/domain/community'

import { digestEmail, sendEmail } from './channels'

export const DIGEST_MAX_ITEMS = 50

interface DigestUser {
  id: number
  email?: string | null
  preferredLanguage?: string | null
  notificationPreferences?: NotificationPrefs | null
}

export interface DigestResult {
  users: number
  emails: number
  notifications: number
}

export async function sendDigests(payload: Payload, now: Date = new Date()): Promise<DigestResult> {
  const req = (await createLocalReq({}, payload)) as PayloadRequest
  const users = await withTransaction(req, (tx) => tx.execute(sql`select distinct user_id from notifications where email_status = 'queued'`))
  const result: DigestResult = { users: users.rows.length, emails: 0, notifications: 0 }
  for (const row of users.rows) {
    const userReq = (await createLocalReq({}, payload)) as PayloadRequest
    const sent = await digestForUser(userReq, Number(row.user_id), now)
    if (sent) {
      result.emails++
      result.notifications += sent
    }
  }
  return result
}

async function digestForUser(req: PayloadRequest, userId: number, now: Date): Promise<number> {
  return withTransaction(req, async (tx) => {
    const got = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('notification-digest'), ${userId}) as ok`)
    if (!got.rows[0]?.ok) return 0
    const user = (await req.payload.findByID({ collection: 'users', id: userId, req, depth: 0, overrideAccess: true, disableErrors: true })) as DigestUser | null
    const prefs = user?.notificationPreferences ?? {}
    const muted = prefs.mutedTypes ?? []
    if (!user?.email || prefs.email === false) {
      await tx.execute(sql`update notifications set email_status = 'none' where user_id = ${userId} and email_status = 'queued' and not urgent`)
      return 0
    }
    if (muted.length) {
      await tx.execute(
        sql`update notifications set email_status = 'none' where user_id = ${userId} and email_status = 'queued' and not urgent and type::text in (${sql.join(muted.map((t) => sql`${t}`), sql`, `)})`,
      )
    }
    const last = await tx.execute(sql`select max(emailed_at) as at from notifications where user_id = ${userId} and email_status = 'digested'`)
    const lastAt = last.rows[0]?.at ? new Date(last.rows[0].at as string) : null
    if (!digestDue(prefs, lastAt, now)) return 0
    const locale = user.preferredLanguage === 'ar' ? 'ar' : 'en'
    const rows = await tx.execute(sql`
      select n.id, n.action_url, n.created_at, coalesce(l.title, e.title) as title, coalesce(l.message, e.message) as message
      from notifications n
      join notifications_locales e on e._parent_id = n.id and e._locale = 'en'
      left join notifications_locales l on l._parent_id = n.id and l._locale = ${locale}
      where n.user_id = ${userId} and n.email_status = 'queued'
      order by n.created_at, n.id
      for update of n skip locked`)
    if (!rows.rows.length) return 0
    const items = rows.rows.slice(0, DIGEST_MAX_ITEMS).map((r) => ({
      title: String(r.title),
      message: String(r.message),
      actionUrl: (r.action_url as string | null) ?? null,
      createdAt: String(r.created_at),
    }))
    const ok = await sendEmail(req.payload, digestEmail(user.email, items, rows.rows.length, locale === 'ar'))
    if (!ok) throw new Error('digest email failed')
    const ids = rows.rows.map((r) => Number(r.id))
    await tx.execute(sql`update notifications set email_status = 'digested', emailed_at = ${now.toISOString()} where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`)
    return ids.length
  }).catch((err) => {
    req.payload.logger.warn({ err, msg: `notification digest for user ${userId} failed` })
    return 0
  })
}
