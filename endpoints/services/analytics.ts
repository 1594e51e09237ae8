/** Root endpoints of the services domain: per-technician and per-service analytics (admin). */
import type { Endpoint } from 'payload'

import { sql, txOf } from '@/db/transaction'
import { sum, toCents } from '@/domain/money'
import { assertValid, json, requireUser, searchParams } from '@/lib/http'
import { Input } from '@/lib/validate'

import { type Doc, technicianStats } from '../../hooks/services/bookings'

export const servicesAnalyticsEndpoints: Endpoint[] = [
  {
    // Per technician: completed jobs, average rating, completion rate, average response (assignment → arrival).
    path: '/analytics/technicians',
    method: 'get',
    handler: async (req) => {
      requireUser(req, { roles: ['admin'] })
      const stats = await technicianStats(req, null)
      const byId = new Map(stats.map((s) => [s.technician, s]))
      const technicians = await req.payload.find({ collection: 'technicians', req, depth: 0, limit: 500, overrideAccess: true, sort: 'displayName' })
      const rows = technicians.docs.map((t) => {
        const tech = t as Doc
        const s = byId.get(Number(tech.id))
        return {
          technician: { id: tech.id, displayName: tech.displayName, status: tech.status },
          completedJobs: s?.completedJobs ?? 0,
          cancelledJobs: s?.cancelledJobs ?? 0,
          activeJobs: s?.activeJobs ?? 0,
          averageRating: s?.averageRating ?? 0,
          completionRate: s?.completionRate ?? 0,
          averageResponseMinutes: s?.averageResponseMinutes ?? null,
        }
      })
      return json({ technicians: rows })
    },
  },
  {
    // Per service: booking counts by status and revenue (completed bookings' totals); ?from&to filter createdAt.
    path: '/analytics/services',
    method: 'get',
    handler: async (req) => {
      requireUser(req, { roles: ['admin'] })
      const params = searchParams(req)
      const input = new Input({ from: params.get('from') ?? undefined, to: params.get('to') ?? undefined })
      const from = input.date('from')
      const to = input.date('to')
      assertValid(input)
      const locale = params.get('locale') === 'ar' || req.locale === 'ar' ? 'ar' : 'en'
      const tx = await txOf(req)
      const res = await tx.execute(sql`
        select b.service_id,
          count(*)::int as bookings,
          count(*) filter (where b.status::text = 'pending_approval')::int as pending_approval,
          count(*) filter (where b.status::text in ('approved','on_way','in_progress'))::int as active,
          count(*) filter (where b.status::text = 'completed')::int as completed,
          count(*) filter (where b.status::text = 'cancelled')::int as cancelled,
          count(*) filter (where b.status::text = 'rejected')::int as rejected,
          count(*) filter (where b.is_emergency)::int as emergencies,
          coalesce(sum(b.pricing_total) filter (where b.status::text = 'completed'), 0)::text as revenue,
          avg(b.feedback_rating) as average_rating,
          coalesce(l.name, l_en.name) as name
        from service_bookings b
        left join services_locales l on l._parent_id = b.service_id and l._locale::text = ${locale}
        left join services_locales l_en on l_en._parent_id = b.service_id and l_en._locale::text = 'en'
        where (${from ? from.toISOString() : null}::timestamptz is null or b.created_at >= ${from ? from.toISOString() : null}::timestamptz)
          and (${to ? to.toISOString() : null}::timestamptz is null or b.created_at < ${to ? to.toISOString() : null}::timestamptz)
        group by b.service_id, l.name, l_en.name
        order by count(*) desc`)
      const services = res.rows.map((r) => ({
        service: { id: Number(r.service_id), name: r.name },
        bookings: r.bookings,
        byStatus: { pending_approval: r.pending_approval, active: r.active, completed: r.completed, cancelled: r.cancelled, rejected: r.rejected },
        emergencies: r.emergencies,
        revenue: toCents(r.revenue),
        averageRating: r.average_rating == null ? null : Math.round(Number(r.average_rating) * 100) / 100,
      }))
      const totals = {
        bookings: services.reduce((a, s) => a + s.bookings, 0),
        revenue: toCents(sum(services.map((s) => s.revenue))),
        currency: 'EGP',
      }
      return json({ locale, services, totals })
    },
  },
]
