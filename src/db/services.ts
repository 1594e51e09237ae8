/**
 * SQL of the services domain: booking-number counters, the technician calendar, technician and service figures,
 * category counts, and savepoints for optional writes inside a booking's transaction.
 */
import { advisoryLock, sql, type Tx } from '@/db/transaction'

/**
 * The next counter value of `year`: one row per year, incremented with `insert … on conflict do update …
 * returning` in the caller's transaction. The row stays locked until that transaction ends, so concurrent
 * creations queue and a rolled-back creation gives its number back.
 */
export async function nextBookingCounter(tx: Tx, year: number): Promise<number> {
  const res = await tx.execute(sql`
    insert into service_booking_counters (year, last_value) values (${year}, 1)
    on conflict (year) do update set last_value = service_booking_counters.last_value + 1
    returning last_value`)
  return Number(res.rows[0].last_value)
}

/**
 * Gives a new booking its number in its creation's transaction, replacing the provisional one it was written under.
 * Fails when the booking does not carry that provisional number (nothing is numbered twice).
 */
export async function numberBookingRow(tx: Tx, b: { id: number; provisional: string; bookingNumber: string }): Promise<void> {
  const res = await tx.execute(sql`
    update service_bookings set booking_number = ${b.bookingNumber} where id = ${b.id} and booking_number = ${b.provisional} returning id`)
  if (res.rows.length !== 1) throw new Error(`service booking ${b.id} was not numbered: it does not carry its provisional number`)
}

/** Serializes the assignments and reschedules of one technician (across instances). */
export const lockTechnicianSchedule = (tx: Tx, technicianId: number): Promise<void> => advisoryLock(tx, 'technician-schedule', technicianId)

/** A booking of the technician in one of `statuses` overlapping [start, end) (other than `excludeBookingId`), or null. */
export async function technicianClash(
  tx: Tx,
  technicianId: number,
  start: Date,
  end: Date,
  statuses: readonly string[],
  excludeBookingId: number | null,
): Promise<{ id: number; bookingNumber: string } | null> {
  const list = sql.raw(statuses.map((s) => `'${s.replace(/'/g, "''")}'`).join(','))
  const res = await tx.execute(sql`
    select id, booking_number from service_bookings
    where technician_id = ${technicianId}
      and id <> ${excludeBookingId ?? 0}
      and status::text in (${list})
      and scheduled_at < ${end.toISOString()}::timestamptz
      and scheduled_end > ${start.toISOString()}::timestamptz
    limit 1`)
  const row = res.rows[0]
  return row ? { id: Number(row.id), bookingNumber: String(row.booking_number) } : null
}

export interface TechnicianJobCounts {
  technician: number
  completed: number
  cancelled: number
  active: number
  /** Average feedback rating, null without feedback. */
  avgRating: number | null
  /** Average minutes from assignment to arrival, null when never measured. */
  avgResponseMinutes: number | null
}

/** Per-technician job counts from the bookings table (every assigned technician when `technicianId` is null). */
export async function technicianJobCounts(tx: Tx, technicianId: number | null): Promise<TechnicianJobCounts[]> {
  const filter = technicianId === null ? sql`technician_id is not null` : sql`technician_id = ${technicianId}`
  const res = await tx.execute(sql`
    select technician_id,
      count(*) filter (where status::text = 'completed') as completed,
      count(*) filter (where status::text = 'cancelled') as cancelled,
      count(*) filter (where status::text in ('approved','on_way','in_progress')) as active,
      avg(feedback_rating) filter (where feedback_rating is not null) as avg_rating,
      avg(extract(epoch from (tracking_arrived_at - tracking_assigned_at)) / 60)
        filter (where tracking_arrived_at is not null and tracking_assigned_at is not null) as avg_response
    from service_bookings where ${filter}
    group by technician_id`)
  return res.rows.map((r) => ({
    technician: Number(r.technician_id),
    completed: Number(r.completed),
    cancelled: Number(r.cancelled),
    active: Number(r.active),
    avgRating: r.avg_rating == null ? null : Number(r.avg_rating),
    avgResponseMinutes: r.avg_response == null ? null : Number(r.avg_response),
  }))
}

/**
 * Per technician: the totals (`pricing_total`) of the bookings completed this UTC month and last UTC month (by
 * `tracking_completed_at`, the moment it became completed). Every technician with a completed booking in either month.
 */
export async function technicianEarnings(tx: Tx, now: Date = new Date()): Promise<{ technician: number; thisMonth: number; lastMonth: number }[]> {
  const res = await tx.execute(sql`
    with m as (select date_trunc('month', ${now.toISOString()}::timestamptz at time zone 'utc') as this_month)
    select b.technician_id,
      coalesce(sum(b.pricing_total) filter (where b.tracking_completed_at at time zone 'utc' >= m.this_month), 0) as this_month,
      coalesce(sum(b.pricing_total) filter (where b.tracking_completed_at at time zone 'utc' < m.this_month), 0) as last_month
    from service_bookings b, m
    where b.technician_id is not null and b.status::text = 'completed'
      and b.tracking_completed_at at time zone 'utc' >= m.this_month - interval '1 month'
      and b.tracking_completed_at at time zone 'utc' < m.this_month + interval '1 month'
    group by b.technician_id`)
  return res.rows.map((r) => ({ technician: Number(r.technician_id), thisMonth: Number(r.this_month), lastMonth: Number(r.last_month) }))
}

/** The technician's status and how many of their bookings are on the way or in progress (null: no such technician). */
export async function technicianWorkload(tx: Tx, technicianId: number): Promise<{ status: string; working: number } | null> {
  const res = await tx.execute(sql`
    select
      (select status::text from technicians where id = ${technicianId}) as status,
      (select count(*) from service_bookings where technician_id = ${technicianId} and status::text in ('on_way','in_progress')) as working`)
  const row = res.rows[0]
  return row?.status ? { status: String(row.status), working: Number(row.working) } : null
}

/** Active services per category. */
export async function activeServiceCountsByCategory(tx: Tx): Promise<Map<string, number>> {
  const res = await tx.execute(sql`select category::text as category, count(*)::int as count from services where availability_active group by category`)
  return new Map(res.rows.map((r) => [String(r.category), Number(r.count)]))
}

export interface ServiceBookingFigures {
  service: number
  name: string | null
  bookings: number
  pendingApproval: number
  active: number
  completed: number
  cancelled: number
  rejected: number
  emergencies: number
  /** Sum of completed bookings' totals, as PostgreSQL's numeric text. */
  revenue: string
  averageRating: number | null
}

/** Per service: booking counts by status and revenue, for bookings created in [from, to) (open ends when null); names in `locale` (en fallback). */
export async function serviceBookingFigures(tx: Tx, locale: 'en' | 'ar', from: Date | null, to: Date | null): Promise<ServiceBookingFigures[]> {
  const f = from ? from.toISOString() : null
  const t = to ? to.toISOString() : null
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
    where (${f}::timestamptz is null or b.created_at >= ${f}::timestamptz)
      and (${t}::timestamptz is null or b.created_at < ${t}::timestamptz)
    group by b.service_id, l.name, l_en.name
    order by count(*) desc`)
  return res.rows.map((r) => ({
    service: Number(r.service_id),
    name: (r.name as string | null) ?? null,
    bookings: Number(r.bookings),
    pendingApproval: Number(r.pending_approval),
    active: Number(r.active),
    completed: Number(r.completed),
    cancelled: Number(r.cancelled),
    rejected: Number(r.rejected),
    emergencies: Number(r.emergencies),
    revenue: String(r.revenue),
    averageRating: r.average_rating == null ? null : Number(r.average_rating),
  }))
}

/**
 * Runs `fn` inside a savepoint of the caller's transaction: when it throws, only its writes are rolled back and the
 * error is returned (the transaction goes on). `name` must be a plain identifier.
 */
export async function inSavepoint<T>(tx: Tx, name: string, fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`invalid savepoint name: ${name}`)
  await tx.execute(sql.raw(`savepoint ${name}`))
  try {
    const value = await fn()
    await tx.execute(sql.raw(`release savepoint ${name}`))
    return { ok: true, value }
  } catch (error) {
    await tx.execute(sql.raw(`rollback to savepoint ${name}`))
    return { ok: false, error }
  }
}

export interface AvailableTechnicianRow {
  id: number
  distanceKm: number
}

/**
 * Technicians free over [start, end) (not offline, no booking in `busyStatuses` overlapping it) whose
 * specializations include `category`, whose service area (centre + radius) contains the point, and whose position
 * (live location, else the service-area centre) is within `radiusKm` of it: nearest first.
 */
export async function availableTechnicians(
  tx: Tx,
  q: { lat: number; lng: number; radiusKm: number; category: string; start: Date; end: Date; busyStatuses: readonly string[]; limit: number },
): Promise<AvailableTechnicianRow[]> {
  const busy = sql.raw(q.busyStatuses.map((s) => `'${s.replace(/'/g, "''")}'`).join(','))
  const point = sql`ll_to_earth(${q.lat}::float8, ${q.lng}::float8)`
  const res = await tx.execute(sql`
    with positioned as (
      select t.id,
        coalesce(t.current_location_latitude, t.service_area_latitude) as lat,
        coalesce(t.current_location_longitude, t.service_area_longitude) as lng,
        t.service_area_latitude as area_lat, t.service_area_longitude as area_lng, t.service_area_radius_km as area_km
      from technicians t
      where t.status::text <> 'offline'
        and t.service_area_latitude is not null and t.service_area_longitude is not null and t.service_area_radius_km is not null
        and exists (select 1 from technicians_specializations s where s.parent_id = t.id and s.value::text = ${q.category})
        and not exists (
          select 1 from service_bookings b
          where b.technician_id = t.id and b.status::text in (${busy})
            and b.scheduled_at < ${q.end.toISOString()}::timestamptz and b.scheduled_end > ${q.start.toISOString()}::timestamptz)
    )
    select id, earth_distance(${point}, ll_to_earth(lat::float8, lng::float8)) / 1000 as distance_km
    from positioned
    where earth_distance(${point}, ll_to_earth(area_lat::float8, area_lng::float8)) <= area_km * 1000
      and earth_distance(${point}, ll_to_earth(lat::float8, lng::float8)) <= ${q.radiusKm * 1000}::float8
    order by distance_km, id
    limit ${q.limit}`)
  return res.rows.map((r) => ({ id: Number(r.id), distanceKm: Math.round(Number(r.distance_km) * 100) / 100 }))
}
