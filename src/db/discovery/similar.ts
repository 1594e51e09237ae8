/**
 * "Similar cars" scoring as a pure function: candidates come from SQL (active, not the car itself, same make
 * or same body type, price within the wide band); this orders them.
 */

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
