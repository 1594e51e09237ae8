/** Services analytics (admin): per technician and per service. SQL in src/db/services.ts. */
import type { PayloadRequest } from 'payload'

import { activeServiceCountsByCategory, serviceBookingFigures, technicianEarnings } from '@/db/services'
import { txOf } from '@/db/transaction'
import { sum, toCents } from '@/domain/money'
import { CATEGORY_LABELS, SERVICE_CATEGORIES } from '@/domain/services'
import { changePercent } from '@/domain/services/loyalty'
import { TECHNICIANS, technicianStats } from '@hooks/services/bookings'

/**
 * Per technician: completed jobs, average rating, completion rate, average response (assignment → arrival), and
 * earnings (completed bookings' totals) this UTC month and last, with the change in percent.
 */
export async function technicianReport(req: PayloadRequest, now: Date = new Date()) {
  const stats = await technicianStats(req, null)
  const byId = new Map(stats.map((s) => [s.technician, s]))
  const earnings = new Map((await technicianEarnings(await txOf(req), now)).map((e) => [e.technician, e]))
  const technicians = await req.payload.find({ collection: TECHNICIANS, req, depth: 0, limit: 500, overrideAccess: true, sort: 'displayName' })
  return {
    technicians: technicians.docs.map((tech) => {
      const s = byId.get(tech.id)
      return {
        technician: { id: tech.id, displayName: tech.displayName, status: tech.status },
        completedJobs: s?.completedJobs ?? 0,
        cancelledJobs: s?.cancelledJobs ?? 0,
        activeJobs: s?.activeJobs ?? 0,
        averageRating: s?.averageRating ?? 0,
        completionRate: s?.completionRate ?? 0,
        averageResponseMinutes: s?.averageResponseMinutes ?? null,
        earnings: earningsOf(earnings.get(tech.id)),
      }
    }),
  }
}

function earningsOf(e: { thisMonth: number; lastMonth: number } | undefined) {
  const thisMonth = toCents(e?.thisMonth ?? 0)
  const lastMonth = toCents(e?.lastMonth ?? 0)
  return { thisMonth, lastMonth, changePercent: changePercent(thisMonth, lastMonth) }
}

/** Per service: booking counts by status and revenue (completed bookings' totals), for bookings created in [from, to). */
export async function serviceReport(req: PayloadRequest, q: { locale: 'en' | 'ar'; from?: Date; to?: Date }) {
  const rows = await serviceBookingFigures(await txOf(req), q.locale, q.from ?? null, q.to ?? null)
  const services = rows.map((r) => ({
    service: { id: r.service, name: r.name },
    bookings: r.bookings,
    byStatus: { pending_approval: r.pendingApproval, active: r.active, completed: r.completed, cancelled: r.cancelled, rejected: r.rejected },
    emergencies: r.emergencies,
    revenue: toCents(r.revenue),
    averageRating: r.averageRating == null ? null : Math.round(r.averageRating * 100) / 100,
  }))
  const totals = {
    bookings: services.reduce((a, s) => a + s.bookings, 0),
    revenue: toCents(sum(services.map((s) => s.revenue))),
    currency: 'EGP',
  }
  return { locale: q.locale, services, totals }
}

/** Service categories with the number of active services, labels in `locale`. */
export async function serviceCategories(req: PayloadRequest, locale: 'en' | 'ar') {
  const counts = await activeServiceCountsByCategory(await txOf(req))
  return {
    locale,
    categories: SERVICE_CATEGORIES.map((value) => ({
      value,
      label: CATEGORY_LABELS[value][locale],
      labels: CATEGORY_LABELS[value],
      count: counts.get(value) ?? 0,
    })),
  }
}

/** Active services that take emergency bookings. */
export async function emergencyServices(req: PayloadRequest, locale: 'en' | 'ar') {
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
  return { docs: res.docs, totalDocs: res.totalDocs, locale }
}
