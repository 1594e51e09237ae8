/**
 * Payload's list pagination as pure functions: the platform's page-size clamp for public lists
 * (src/plugins/guards.ts) and the pagination fields of a find response — shared by the code that must answer
 * exactly like Payload (the listing read path, the bench baseline).
 */

/** `limit=0` (everything) or above the maximum → the maximum; otherwise the limit asked for. */
export const clampPageSize = (limit: number | undefined, max: number): number => (limit && limit > 0 ? Math.min(limit, max) : max)

export interface PageInfo {
  totalDocs: number
  limit: number
  totalPages: number
  page: number
  pagingCounter: number
  hasPrevPage: boolean
  hasNextPage: boolean
  prevPage: number | null
  nextPage: number | null
}

/** Payload's pagination fields for a count and a page (drizzle findMany: no match → one empty page). */
export function pageInfo(totalDocs: number, page: number, limit: number): PageInfo {
  if (totalDocs === 0) {
    return { totalDocs: 0, limit, totalPages: 1, page, pagingCounter: 1, hasPrevPage: false, hasNextPage: false, prevPage: null, nextPage: null }
  }
  const totalPages = Math.ceil(totalDocs / limit)
  const hasPrevPage = page > 1
  const hasNextPage = totalPages > page
  return {
    totalDocs,
    limit,
    totalPages,
    page,
    pagingCounter: (page - 1) * limit + 1,
    hasPrevPage,
    hasNextPage,
    prevPage: hasPrevPage ? page - 1 : null,
    nextPage: hasNextPage ? page + 1 : null,
  }
}
