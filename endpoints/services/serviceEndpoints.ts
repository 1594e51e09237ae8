/** Collection endpoints of `services`: /api/services/emergency and /api/services/categories. */
import type { Endpoint, PayloadRequest } from 'payload'

import { sql, txOf } from '@/db/transaction'
import { CATEGORY_LABELS, SERVICE_CATEGORIES } from '@/domain/services'
import { json, searchParams } from '@/lib/http'

const localeOf = (req: PayloadRequest): 'en' | 'ar' => {
  const raw = searchParams(req).get('locale') ?? req.locale
  return raw === 'ar' ? 'ar' : 'en'
}

export const serviceCollectionEndpoints: Endpoint[] = [
  {
    // Active services that take emergency bookings (anonymous; ?locale=ar for Arabic names).
    path: '/emergency',
    method: 'get',
    handler: async (req) => {
      const locale = localeOf(req)
      const res = await req.payload.find({
        collection: 'services',
        req,
        locale,
        depth: 0,
        limit: 100,
        overrideAccess: true,
        sort: 'sortOrder',
        where: { and: [{ 'availability.active': { equals: true } }, { 'availability.emergencyAvailable': { equals: true } }] },
      })
      return json({ docs: res.docs, totalDocs: res.totalDocs, locale })
    },
  },
  {
    // Categories with the number of active services, labels in ?locale (en default).
    path: '/categories',
    method: 'get',
    handler: async (req) => {
      const locale = localeOf(req)
      const tx = await txOf(req)
      const res = await tx.execute(sql`select category::text as category, count(*)::int as count from services where availability_active group by category`)
      const counts = new Map(res.rows.map((r) => [r.category as string, Number(r.count)]))
      return json({
        locale,
        categories: SERVICE_CATEGORIES.map((value) => ({
          value,
          label: CATEGORY_LABELS[value][locale],
          labels: CATEGORY_LABELS[value],
          count: counts.get(value) ?? 0,
        })),
      })
    },
  },
]
