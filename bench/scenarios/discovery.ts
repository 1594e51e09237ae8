/** Discovery scenarios: full-text search and suggestions (the real endpoints; the baseline runs the engine's own SQL). */
import { type BenchScenario, prng } from './types'

// What people type: a make, make + year, a part kind, brand + part, a typo. (The bench models are named
// "Model 1…8" for every make, so a query containing "model" would match every listing — not realistic.)
const QUERIES = ['toyota', 'honda 2018', 'brake pad', 'bosch oil filter', 'bmw 2015', 'toyta', 'ford', 'mercedes benz', 'spark plug ngk', 'audi 2020']
// Misspelt makes and part brands (corrected from the vocabulary) and other part words (no correction: relaxed pass, trigram).
const TYPO_QUERIES = ['toyta', 'hnda 2018', 'nissn', 'hyundia', 'volkswagn', 'chevrolt 2015', 'mitsubshi', 'porche', 'brmbo brake', 'alternatr bosh']
const PREFIXES = ['toy', 'hon', 'bre', 'bos', 'mer', 'oil', 'au', 'nis', 'spa', 'lexu']

const rotating = (list: string[], seed: number) => {
  const rand = prng(seed)
  return () => encodeURIComponent(list[Math.floor(rand() * list.length)])
}

export const fullTextSearch: BenchScenario = {
  sample: 'list',
  app: () => {
    const next = rotating(QUERIES, 3)
    return { name: 'full-text search', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/search?q=${next()}&type=all&limit=12` }) }] }
  },
  baseline: () => {
    const next = rotating(QUERIES, 3)
    return { name: 'full-text search', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/search?q=${next()}&type=all&limit=12` }) }] }
  },
}

export const suggestions: BenchScenario = {
  app: () => {
    const next = rotating(PREFIXES, 4)
    return { name: 'suggestions', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/search/suggestions?q=${next()}` }) }] }
  },
  baseline: () => {
    const next = rotating(PREFIXES, 4)
    return { name: 'suggestions', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/search/suggestions?q=${next()}` }) }] }
  },
}

/** The typo target (p95 ≤ 80 ms) measured on its own: misspelt makes and part words. */
export const typoSearch: BenchScenario = {
  sample: 'list',
  app: () => {
    const next = rotating(TYPO_QUERIES, 5)
    return { name: 'full-text search (typos)', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/search?q=${next()}&type=all&limit=12` }) }] }
  },
  baseline: () => {
    const next = rotating(TYPO_QUERIES, 5)
    return { name: 'full-text search (typos)', requests: () => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/search?q=${next()}&type=all&limit=12` }) }] }
  },
}
