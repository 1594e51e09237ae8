/**
 * "Similar cars": candidates come from SQL (active, not the car itself, same make or same body type, price within
 * the wide band; `similarCandidates`); the scoring that orders them is a pure function.
 */
import { sql, type Tx } from '@/db/transaction'

export interface SimilarCandidate {
  id: number
  make: number | null
  model: number | null
  bodyType: string | null
  price: number | null
  year: number | null
}

/** Candidates must cost within ±40 % of the car; within ±20 % earns points. */
export const WIDE_PRICE_BAND = 0.4
export const NARROW_PRICE_BAND = 0.2

export function priceBand(price: number, band: number): { min: number; max: number } {
  return { min: Math.floor(price * (1 - band)), max: Math.ceil(price * (1 + band)) }
}

/**
 * Points: same model 4, same make 3, same body type 2, price within ±20 % 2, year within 2 years 1.
 * Ties: closer price, then newer id.
 */
export function similarityScore(target: SimilarCandidate, c: SimilarCandidate): number {
  let score = 0
  if (target.model != null && c.model === target.model) score += 4
  if (target.make != null && c.make === target.make) score += 3
  if (target.bodyType && c.bodyType === target.bodyType) score += 2
  if (target.price != null && c.price != null && target.price > 0) {
    const band = priceBand(target.price, NARROW_PRICE_BAND)
    if (c.price >= band.min && c.price <= band.max) score += 2
  }
  if (target.year != null && c.year != null && Math.abs(target.year - c.year) <= 2) score += 1
  return score
}

export function rankSimilar(target: SimilarCandidate, candidates: SimilarCandidate[], limit: number): { id: number; score: number }[] {
  const priceGap = (c: SimilarCandidate) => (target.price != null && c.price != null ? Math.abs(c.price - target.price) : Number.MAX_SAFE_INTEGER)
  return candidates
    .filter((c) => c.id !== target.id)
    .map((c) => ({ c, score: similarityScore(target, c) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || priceGap(a.c) - priceGap(b.c) || b.c.id - a.c.id)
    .slice(0, limit)
    .map((x) => ({ id: x.c.id, score: x.score }))
}

// ---------------------------------------------------------------- SQL

const toCandidate = (r: Record<string, unknown>): SimilarCandidate => ({
  id: Number(r.id),
  make: r.make_id == null ? null : Number(r.make_id),
  model: r.model_id == null ? null : Number(r.model_id),
  bodyType: (r.body_type as string | null) ?? null,
  price: r.price == null ? null : Number(r.price),
  year: r.year == null ? null : Number(r.year),
})

/** The car as a candidate (its make, model, body type, price, year), or null when it does not exist. */
export async function similarTarget(tx: Tx, id: number): Promise<SimilarCandidate | null> {
  const row = (await tx.execute(sql`select id, make_id, model_id, body_type::text as body_type, price, year from cars where id = ${id}`)).rows[0]
  return row ? toCandidate(row) : null
}

/** Candidates for `target`: active, not the car itself, same make or body type, price within the wide band (at most 200, closest price first). */
export async function similarCandidates(tx: Tx, target: SimilarCandidate): Promise<SimilarCandidate[]> {
  const band = priceBand(target.price ?? 0, WIDE_PRICE_BAND)
  const res = await tx.execute(sql`
    select id, make_id, model_id, body_type::text as body_type, price, year from cars
    where status = 'active' and id <> ${target.id}
      and (make_id = ${target.make ?? -1} or body_type::text = ${target.bodyType ?? ''})
      and (${target.price == null} or price between ${band.min} and ${band.max})
    order by abs(price - ${target.price ?? 0}), id desc
    limit 200`)
  return res.rows.map(toCandidate)
}
