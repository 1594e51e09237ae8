/**
 * Technician search for dispatch: `GET /api/technicians/available` — free at the time, offering the service,
 * working where the customer is, nearest first (docs/services.md, "Technician tools").
 */
import type { PayloadRequest } from 'payload'

import { availableTechnicians } from '@/db/services'
import { txOf } from '@/db/transaction'
import { addMinutes } from '@/domain/services'
import { ACTIVE_ASSIGNMENT_STATUSES } from '@/domain/services/booking-machine'
import { invalidFields } from '@/lib/http'
import { TECHNICIANS } from '@hooks/services/bookings'

export interface TechnicianSearch {
  service: number
  latitude: number
  longitude: number
  radiusKm: number
  at: Date
  limit: number
}

export async function searchAvailableTechnicians(req: PayloadRequest, q: TechnicianSearch) {
  const service = await req.payload.findByID({ collection: 'services', id: q.service, req, depth: 0, overrideAccess: true, disableErrors: true, select: { category: true, durationMinutes: true } })
  if (!service) throw invalidFields([{ path: 'service', message: 'No such service.' }])
  const start = q.at
  const end = addMinutes(start, service.durationMinutes || 60)
  const rows = await availableTechnicians(await txOf(req), {
    lat: q.latitude,
    lng: q.longitude,
    radiusKm: q.radiusKm,
    category: service.category,
    start,
    end,
    busyStatuses: ACTIVE_ASSIGNMENT_STATUSES,
    limit: q.limit,
  })
  if (!rows.length) return { docs: [], totalDocs: 0, service: q.service, start: start.toISOString(), end: end.toISOString() }
  const found = await req.payload.find({
    collection: TECHNICIANS,
    req,
    depth: 0,
    limit: rows.length,
    overrideAccess: true,
    where: { id: { in: rows.map((r) => r.id) } },
    select: { displayName: true, specializations: true, workingAreas: true, status: true, rating: true, performance: true },
  })
  const byId = new Map(found.docs.map((d) => [d.id, d]))
  const docs = rows.flatMap((r) => {
    const t = byId.get(r.id)
    return t ? [{ ...t, distanceKm: r.distanceKm }] : []
  })
  return { docs, totalDocs: docs.length, service: q.service, start: start.toISOString(), end: end.toISOString() }
}
