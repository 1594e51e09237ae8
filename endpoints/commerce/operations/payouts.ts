/**
 * Payouts view (`GET /api/payments/payouts`): what a seller (their order lines) or a parking owner (their spots'
 * bookings) earned per period and what was refunded, read from the payments ledger; admins see the platform's
 * totals (orders, parking and service bookings) or one payee's with `?payee=`.
 */
import type { PayloadRequest } from 'payload'

import { type AccessUser, isAdminUser, userHasRole } from '@/access/roles'
import { payoutRows, type PayoutGranularity } from '@/db/commerce'
import { dbOf } from '@/db/transaction'
import { summarizePayouts } from '@/domain/commerce'
import { forbidden, invalidFields } from '@/lib/http'

const YEAR_MS = 366 * 86_400_000

export async function payouts(req: PayloadRequest, user: AccessUser, q: { from?: Date; to?: Date; granularity: PayoutGranularity; payee?: number }) {
  const admin = isAdminUser(user)
  if (q.payee !== undefined && !admin) throw forbidden('Only admins read the payouts of another account.')
  if (!admin && !userHasRole(user, 'seller', 'parking_owner')) throw forbidden('Payouts are for sellers and parking owners.')
  const to = q.to ?? new Date()
  const from = q.from ?? new Date(to.getTime() - 365 * 86_400_000)
  if (from.getTime() >= to.getTime()) throw invalidFields([{ path: 'from', message: 'from must be before to.' }])
  if (to.getTime() - from.getTime() > 3 * YEAR_MS) throw invalidFields([{ path: 'from', message: 'The window may span at most 3 years.' }])
  const payee = admin ? (q.payee ?? null) : Number(user.id)
  const rows = await payoutRows(dbOf(req.payload), { payee, from, to, granularity: q.granularity })
  return { payee, from: from.toISOString(), to: to.toISOString(), granularity: q.granularity, ...summarizePayouts(rows) }
}
