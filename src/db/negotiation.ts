/** SQL of the negotiation domain: the counts behind GET /api/negotiations/stats. */
import { sql, type Tx } from '@/db/transaction'

/** `user`'s negotiations per status, as buyer or as seller. */
export async function negotiationCountsByStatus(tx: Tx, user: number, as: 'buyer' | 'seller'): Promise<{ status: string; count: number }[]> {
  const res =
    as === 'buyer'
      ? await tx.execute(sql`select status::text as status, count(*)::int as count from negotiations where buyer_id = ${user} group by status`)
      : await tx.execute(sql`select status::text as status, count(*)::int as count from negotiations where seller_id = ${user} group by status`)
  return res.rows.map((r) => ({ status: String(r.status), count: Number(r.count) }))
}

/** Open negotiations of `seller` waiting for the seller's answer. */
export async function openSellerTurnCount(tx: Tx, seller: number): Promise<number> {
  const res = await tx.execute(sql`select count(*)::int as count from negotiations where seller_id = ${seller} and status = 'open' and turn = 'seller'`)
  return Number(res.rows[0]?.count ?? 0)
}
