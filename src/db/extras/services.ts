/** services: SQL the ORM cannot express (see ./index.ts). Idempotent statements only. */
export const statements: string[] = [
  // Gap-free booking numbers: one counter row per year, incremented inside the booking's transaction
  // (insert … on conflict … do update … returning), see endpoints/services/operations/bookings.ts nextBookingNumber().
  `create table if not exists service_booking_counters (
     year integer primary key,
     last_value integer not null check (last_value between 1 and 999999)
   )`,
  // Text search on service names and descriptions (REST `where[name][like]=…` → ILIKE; trigram GIN makes it indexable).
  `create index if not exists services_locales_name_trgm on services_locales using gin (name gin_trgm_ops)`,
  `create index if not exists services_locales_description_trgm on services_locales using gin (description gin_trgm_ops)`,
  // Public lists: active services by category/popularity, in sort order.
  `create index if not exists services_active_category_sort on services (category, sort_order) where availability_active`,
  `create index if not exists services_active_popular_sort on services (sort_order) where availability_active and popular`,
  // Technician calendar (overlap check) and per-technician analytics.
  `create index if not exists service_bookings_technician_window on service_bookings (technician_id, scheduled_at, scheduled_end)
     where status in ('approved','on_way','in_progress')`,
  // Money and rating sanity.
  `do $$ begin
     if not exists (select 1 from pg_constraint where conname = 'service_bookings_pricing_nonnegative') then
       alter table service_bookings add constraint service_bookings_pricing_nonnegative
         check (coalesce(pricing_total, 0) >= 0 and coalesce(pricing_discount, 0) >= 0);
     end if;
     if not exists (select 1 from pg_constraint where conname = 'service_bookings_feedback_rating_range') then
       alter table service_bookings add constraint service_bookings_feedback_rating_range
         check (feedback_rating is null or feedback_rating between 1 and 5);
     end if;
   end $$`,
]
