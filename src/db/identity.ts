/** SQL of the identity domain: the per-owner vehicle rules (unique plate, one default vehicle), narrow user reads. */
import type { PayloadRequest } from 'payload'

import { sql, type Tx } from '@/db/transaction'
import { selectOf } from '@/lib/read-needs'
import type { User } from '@payload-types'

/**
 * Some fields of a user (access skipped, in the request's transaction), or null when there is none. A user is the
 * widest document of the platform (roles, sessions, identities, preferences with their muted types…): a whole
 * read costs several times a narrow one, so code that needs a name or a phone asks for those.
 */
export async function userFields<K extends keyof User>(req: PayloadRequest, id: number | string, fields: readonly K[]): Promise<Pick<User, K | 'id'> | null> {
  const doc = await req.payload.findByID({ collection: 'users', id, req, depth: 0, overrideAccess: true, disableErrors: true, select: selectOf(fields) })
  return (doc as Pick<User, K | 'id'> | null) ?? null
}

/** Another vehicle of `owner` with this plate (ignoring `selfId`), if any. */
export async function vehicleWithPlate(tx: Tx, owner: number, plate: string, selfId: number): Promise<number | null> {
  const res = await tx.execute(sql`select id from vehicles where owner_id = ${owner} and license_plate = ${plate} and id <> ${selfId} limit 1`)
  return res.rows.length ? Number(res.rows[0].id) : null
}

/** Whether `owner` already has a default vehicle. */
export async function hasDefaultVehicle(tx: Tx, owner: number): Promise<boolean> {
  const res = await tx.execute(sql`select 1 from vehicles where owner_id = ${owner} and is_default limit 1`)
  return res.rows.length > 0
}

/** Unsets the default flag on `owner`'s other vehicles. */
export async function clearDefaultVehicle(tx: Tx, owner: number, exceptId: number): Promise<void> {
  await tx.execute(sql`update vehicles set is_default = false where owner_id = ${owner} and is_default and id <> ${exceptId}`)
}

/** Makes `owner`'s most recent vehicle other than `deletedId` the default, when none is. */
export async function promoteLatestVehicle(tx: Tx, owner: number, deletedId: number): Promise<void> {
  await tx.execute(sql`
    update vehicles set is_default = true
    where id = (select id from vehicles where owner_id = ${owner} and id <> ${deletedId} order by created_at desc limit 1)
      and not exists (select 1 from vehicles where owner_id = ${owner} and is_default)`)
}

/** Codes sent to `phone` and from `ip` in the last `windowMs`, and when the phone's last code went out. */
export async function otpSendHistory(tx: Tx, phone: string, ip: string, windowMs: number): Promise<{ lastSentAt: Date | null; sentForPhone: number; sentForIp: number }> {
  const since = new Date(Date.now() - windowMs).toISOString()
  const res = await tx.execute(sql`
    select
      (select max(created_at) from phone_verifications where kind = 'code' and phone = ${phone}) as last_sent_at,
      (select count(*) from phone_verifications where kind = 'code' and phone = ${phone} and created_at > ${since})::int as sent_for_phone,
      (select count(*) from phone_verifications where kind = 'code' and ip = ${ip} and ip <> '' and created_at > ${since})::int as sent_for_ip`)
  const row = res.rows[0] ?? {}
  return { lastSentAt: row.last_sent_at ? new Date(row.last_sent_at) : null, sentForPhone: Number(row.sent_for_phone ?? 0), sentForIp: Number(row.sent_for_ip ?? 0) }
}

/** Wrong codes presented from `ip` in the last `windowMs`. */
export async function otpFailuresFromIp(tx: Tx, ip: string, windowMs: number): Promise<number> {
  if (!ip) return 0
  const since = new Date(Date.now() - windowMs).toISOString()
  const res = await tx.execute(sql`select count(*)::int as n from phone_verifications where kind = 'failure' and ip = ${ip} and created_at > ${since}`)
  return Number(res.rows[0]?.n ?? 0)
}

export interface OtpRow {
  id: number
  codeHash: string
  expiresAt: Date
  attempts: number
  consumedAt: Date | null
}

/** The latest code sent to `phone` for `user`, locked. */
export async function latestOtpForUpdate(tx: Tx, phone: string, user: number): Promise<OtpRow | null> {
  const res = await tx.execute(sql`
    select id, code_hash, expires_at, attempts, consumed_at from phone_verifications
    where kind = 'code' and phone = ${phone} and user_id = ${user} order by created_at desc, id desc limit 1 for update`)
  const r = res.rows[0]
  if (!r) return null
  return { id: Number(r.id), codeHash: String(r.code_hash ?? ''), expiresAt: new Date(r.expires_at), attempts: Number(r.attempts ?? 0), consumedAt: r.consumed_at ? new Date(r.consumed_at) : null }
}

export async function countOtpAttempt(tx: Tx, id: number): Promise<void> {
  await tx.execute(sql`update phone_verifications set attempts = attempts + 1, updated_at = now() where id = ${id}`)
}

export async function consumeOtp(tx: Tx, id: number, at: Date): Promise<void> {
  await tx.execute(sql`update phone_verifications set consumed_at = ${at.toISOString()}, updated_at = now() where id = ${id}`)
}

/** Another account that already verified `phone`, if any. */
export async function phoneVerifiedByOther(tx: Tx, phone: string, user: number): Promise<boolean> {
  const res = await tx.execute(sql`select 1 from users where phone = ${phone} and phone_verified and id <> ${user} limit 1`)
  return res.rows.length > 0
}
