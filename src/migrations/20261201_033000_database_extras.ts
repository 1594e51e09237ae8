/**
 * The SQL the ORM cannot express, as a migration: extensions, trigram/GIN/expression/partial indexes, check
 * constraints, the parts stock-status trigger, the full-text document functions and the counters/events tables
 * (formerly applied at every start by src/db/extras). Every statement is idempotent, so a database on which an
 * earlier release applied them at start takes this migration as a no-op.
 *
 * Production runs it with the other migrations (`prodMigrations`). Development and tests push the schema
 * instead of migrating; a push drops what drizzle does not know, so after each push `onInit` re-applies
 * `statements` (src/db/sql-migrations.ts) — the same list, one source.
 */
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres'

/** Tables this migration creates (the dev push must leave them alone: payload.config.ts `tablesFilter`). */
export const tables = ['commerce_order_counters', 'commerce_stripe_events', 'service_booking_counters']

export const statements: string[] = [
  `create extension if not exists pg_trgm`,
  `create extension if not exists cube`,
  `create extension if not exists earthdistance`,
  `create extension if not exists btree_gist`,
  `create extension if not exists unaccent`,
  `create index if not exists cars_status_make_price_idx on cars (status, make_id, price)`,
  `create index if not exists cars_status_make_model_price_idx on cars (status, make_id, model_id, price)`,
  `create index if not exists cars_status_created_idx on cars (status, created_at desc)`,
  `create index if not exists cars_status_price_idx on cars (status, price)`,
  `create index if not exists cars_status_year_idx on cars (status, year)`,
  `create index if not exists cars_status_mileage_idx on cars (status, mileage)`,
  `create index if not exists cars_status_body_type_price_idx on cars (status, body_type, price)`,
  `create index if not exists cars_status_city_idx on cars (status, location_city)`,
  `create index if not exists cars_make_model_year_idx on cars (make_id, model_id, year)`,
  `create index if not exists cars_seller_status_idx on cars (seller_id, status)`,
  `create index if not exists cars_active_created_idx on cars (created_at desc) where status = 'active'`,
  `create index if not exists cars_active_price_idx on cars (price) where status = 'active'`,
  `create index if not exists cars_active_featured_idx on cars (featured_until) where featured and status = 'active'`,
  `create index if not exists cars_pending_review_idx on cars (created_at) where status = 'pending_review'`,
  `do $$ begin
     if not exists (select 1 from pg_constraint where conname = 'cars_price_nonneg_chk') then
       alter table cars add constraint cars_price_nonneg_chk check (price >= 0);
     end if;
   end $$`,
  `do $$ begin
     if not exists (select 1 from pg_constraint where conname = 'cars_auto_prices_chk') then
       alter table cars add constraint cars_auto_prices_chk check (auto_decline_price is null or auto_accept_price is null or auto_decline_price < auto_accept_price);
     end if;
   end $$`,
  `create index if not exists parts_status_created_idx on parts (status, created_at desc)`,
  `create index if not exists parts_status_price_idx on parts (status, price)`,
  `create index if not exists parts_status_category_idx on parts (status, category_id)`,
  `create index if not exists parts_seller_status_idx on parts (seller_id, status)`,
  `create index if not exists parts_compatibility_lookup_idx on parts_compatibility (make_id, model_id, year_from, year_to)`,
  `do $$ begin
     if not exists (select 1 from pg_constraint where conname = 'parts_stock_nonneg_chk') then
       alter table parts add constraint parts_stock_nonneg_chk check (stock_quantity >= 0);
     end if;
   end $$`,
  `do $$ begin
     if not exists (select 1 from pg_constraint where conname = 'parts_sale_price_chk') then
       alter table parts add constraint parts_sale_price_chk check (sale_price is null or sale_price < price);
     end if;
   end $$`,
  `create or replace function catalog_parts_stock_status() returns trigger language plpgsql as $$
   begin
     if new.manage_stock is false then
       new.stock_status := 'in_stock';
     elsif coalesce(new.stock_quantity, 0) <= 0 then
       new.stock_status := 'out_of_stock';
     elsif new.stock_quantity <= coalesce(new.low_stock_threshold, 5) then
       new.stock_status := 'low_stock';
     else
       new.stock_status := 'in_stock';
     end if;
     return new;
   end $$`,
  `create or replace trigger parts_stock_status_trg before insert or update of stock_quantity, manage_stock, low_stock_threshold
     on parts for each row execute function catalog_parts_stock_status()`,
  `create index if not exists models_make_years_idx on models (make_id, year_from, year_to)`,
  `create index if not exists cars_public_make_created_idx on cars (make_id, created_at desc) where status in ('active', 'sale_pending', 'sold')`,
  `create or replace function public.autohub_norm(t text) returns text
     language plpgsql immutable strict parallel safe cost 50
     as $$ begin return lower(public.unaccent('public.unaccent'::regdictionary, t)); end $$`,
  `create or replace function public.autohub_car_doc(title text, description text) returns tsvector
     language sql immutable parallel safe
     as $$ select setweight(to_tsvector('simple'::regconfig, coalesce(public.autohub_norm(title), '')), 'A')
               || setweight(to_tsvector('simple'::regconfig, coalesce(public.autohub_norm(description), '')), 'C') $$`,
  `create or replace function public.autohub_part_doc(title text, sku text, description text) returns tsvector
     language sql immutable parallel safe
     as $$ select setweight(to_tsvector('simple'::regconfig, coalesce(public.autohub_norm(title), '') || ' ' || coalesce(public.autohub_norm(sku), '')), 'A')
               || setweight(to_tsvector('simple'::regconfig, coalesce(public.autohub_norm(description), '')), 'C') $$`,
  `create index if not exists cars_search_doc_idx on cars using gin (public.autohub_car_doc(title, description))`,
  `create index if not exists parts_search_doc_idx on parts using gin (public.autohub_part_doc(title, sku, description))`,
  `create index if not exists makes_name_fts_idx on makes using gin (to_tsvector('simple'::regconfig, public.autohub_norm(name)))`,
  `create index if not exists models_name_fts_idx on models using gin (to_tsvector('simple'::regconfig, public.autohub_norm(name)))`,
  `create index if not exists part_brands_name_fts_idx on part_brands using gin (to_tsvector('simple'::regconfig, public.autohub_norm(name)))`,
  `create index if not exists part_categories_name_fts_idx on part_categories using gin (to_tsvector('simple'::regconfig, public.autohub_norm(name)))`,
  `create index if not exists cars_title_trgm_idx on cars using gin (public.autohub_norm(title) gin_trgm_ops)`,
  `create index if not exists parts_title_trgm_idx on parts using gin (public.autohub_norm(title) gin_trgm_ops)`,
  `create index if not exists makes_name_trgm_idx on makes using gin (public.autohub_norm(name) gin_trgm_ops)`,
  `create index if not exists models_name_trgm_idx on models using gin (public.autohub_norm(name) gin_trgm_ops)`,
  `create index if not exists cars_title_prefix_idx on cars (public.autohub_norm(title) text_pattern_ops) where status = 'active'`,
  `create index if not exists parts_title_prefix_idx on parts (public.autohub_norm(title) text_pattern_ops) where status = 'active'`,
  `create index if not exists cars_location_earth_idx on cars using gist (ll_to_earth(location_latitude::float8, location_longitude::float8))
     where location_latitude is not null and location_longitude is not null`,
  `create index if not exists cars_active_published_idx on cars (published_at) where status = 'active'`,
  `create unique index if not exists favorites_user_item_uq on favorites (user_id, item_type, item_id)`,
  `create index if not exists listing_views_dedup_idx on listing_views (car_id, viewer_key, created_at desc)`,
  `create index if not exists listing_views_user_recent_idx on listing_views (user_id, created_at desc) where user_id is not null`,
  `create index if not exists listing_views_viewer_recent_idx on listing_views (viewer_key, created_at desc)`,
  `create index if not exists search_queries_popular_idx on search_queries (created_at, normalized_query) where result_count > 0`,
  `do $$ begin
     if to_regclass('posts') is not null and not exists (select 1 from pg_constraint where conname = 'posts_comments_count_nonneg') then
       alter table "posts" add constraint posts_comments_count_nonneg check (comments_count is null or comments_count >= 0);
     end if;
   end $$`,
  `do $$ begin
     if to_regclass('posts') is not null and not exists (select 1 from pg_constraint where conname = 'posts_views_count_nonneg') then
       alter table "posts" add constraint posts_views_count_nonneg check (views_count is null or views_count >= 0);
     end if;
   end $$`,
  `do $$ begin
     if to_regclass('comments') is not null and not exists (select 1 from pg_constraint where conname = 'comments_likes_count_nonneg') then
       alter table "comments" add constraint comments_likes_count_nonneg check (likes_count is null or likes_count >= 0);
     end if;
   end $$`,
  `create index if not exists comments_approved_created_idx on comments (created_at) where status = 'approved'`,
  `create index if not exists posts_published_updated_idx on posts (updated_at desc) where _status = 'published'`,
  `create unique index if not exists reviews_author_target_booking_uniq on reviews (author_id, target_collection, target_id, coalesce(booking_key, ''))`,
  `create index if not exists reviews_target_approved_idx on reviews (target_collection, target_id) where status = 'approved'`,
  `create unique index if not exists votes_user_target_uniq on votes (user_id, target_collection, target_id)`,
  `create unique index if not exists conversations_initiator_listing_uniq on conversations (initiator_id, listing_key) where listing_key is not null`,
  `create unique index if not exists expert_verifications_open_uniq on expert_verifications (user_id) where status in ('pending', 'approved')`,
  `create index if not exists messages_unread_idx on messages (conversation_id, recipient_id) where read_at is null`,
  `create index if not exists notifications_unread_idx on notifications (user_id) where read = false`,
  `create index if not exists notifications_queued_idx on notifications (user_id, created_at) where email_status = 'queued'`,
  `do $$ begin
     alter table reviews add constraint reviews_rating_range check (rating between 1 and 5 and rating = trunc(rating));
   exception when duplicate_object then null; end $$`,
  `create unique index if not exists negotiations_one_open_per_buyer_car on negotiations (buyer_id, car_id) where status = 'open'`,
  `create index if not exists negotiations_open_expires_at on negotiations (expires_at) where status = 'open'`,
  `create index if not exists negotiations_seller_pending on negotiations (seller_id) where status = 'open' and turn = 'seller'`,
  `do $$ begin
     alter table negotiations add constraint negotiations_amounts_positive check (current_amount > 0 and (agreed_price is null or agreed_price > 0));
   exception when duplicate_object then null; end $$`,
  `create table if not exists commerce_order_counters (year integer primary key, last_value integer not null check (last_value >= 0))`,
  `create table if not exists commerce_stripe_events (id text primary key, type text not null, processed_at timestamptz not null default now())`,
  `do $$ begin
     if to_regclass('subscriptions') is not null then
       create unique index if not exists subscriptions_one_active_per_user on subscriptions (user_id) where status = 'active';
     end if;
   end $$`,
  `do $$ begin
     if to_regclass('payments') is not null and not exists (select 1 from pg_constraint where conname = 'payments_amounts_valid') then
       alter table payments add constraint payments_amounts_valid check (amount >= 0 and coalesce(refunded_amount, 0) >= 0 and coalesce(refunded_amount, 0) <= amount);
     end if;
   end $$`,
  `create index if not exists parking_spots_earth_gist on parking_spots using gist (ll_to_earth(latitude::float8, longitude::float8)) where active`,
  `create index if not exists parking_bookings_holding_idx on parking_bookings (spot_id, start_time, end_time) where status in ('pending', 'active')`,
  `create index if not exists parking_bookings_spot_pin_idx on parking_bookings (spot_id, pin) where status in ('pending', 'active')`,
  `create index if not exists availability_blocks_window_idx on availability_blocks (spot_id, start_time, end_time)`,
  `create unique index if not exists vehicles_one_default_per_owner on vehicles (owner_id) where is_default`,
  `do $$ begin
  if not exists (select 1 from pg_constraint where conname = 'parking_spots_total_slots_chk') then
    alter table "parking_spots" add constraint "parking_spots_total_slots_chk" check (total_slots > 0);
  end if;
end $$`,
  `do $$ begin
  if not exists (select 1 from pg_constraint where conname = 'parking_spots_price_chk') then
    alter table "parking_spots" add constraint "parking_spots_price_chk" check (price >= 0);
  end if;
end $$`,
  `do $$ begin
  if not exists (select 1 from pg_constraint where conname = 'parking_bookings_window_chk') then
    alter table "parking_bookings" add constraint "parking_bookings_window_chk" check (end_time > start_time);
  end if;
end $$`,
  `do $$ begin
  if not exists (select 1 from pg_constraint where conname = 'parking_bookings_total_cost_chk') then
    alter table "parking_bookings" add constraint "parking_bookings_total_cost_chk" check (total_cost >= 0);
  end if;
end $$`,
  `do $$ begin
  if not exists (select 1 from pg_constraint where conname = 'parking_bookings_server_fields_chk') then
    alter table "parking_bookings" add constraint "parking_bookings_server_fields_chk" check (status is not null and total_cost is not null and qr_code is not null and pin is not null and payment_status is not null);
  end if;
end $$`,
  `do $$ begin
  if not exists (select 1 from pg_constraint where conname = 'availability_blocks_window_chk') then
    alter table "availability_blocks" add constraint "availability_blocks_window_chk" check (end_time > start_time);
  end if;
end $$`,
  `do $$ begin
  if not exists (select 1 from pg_constraint where conname = 'availability_blocks_slots_chk') then
    alter table "availability_blocks" add constraint "availability_blocks_slots_chk" check (slots_affected >= 1);
  end if;
end $$`,
  `create table if not exists service_booking_counters (
     year integer primary key,
     last_value integer not null check (last_value between 1 and 999999)
   )`,
  `create index if not exists services_locales_name_trgm on services_locales using gin (name gin_trgm_ops)`,
  `create index if not exists services_locales_description_trgm on services_locales using gin (description gin_trgm_ops)`,
  `create index if not exists services_active_category_sort on services (category, sort_order) where availability_active`,
  `create index if not exists services_active_popular_sort on services (sort_order) where availability_active and popular`,
  `create index if not exists service_bookings_technician_window on service_bookings (technician_id, scheduled_at, scheduled_end)
     where status in ('approved','on_way','in_progress')`,
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

export const downStatements: string[] = [
  `alter table if exists service_bookings drop constraint if exists service_bookings_feedback_rating_range`,
  `alter table if exists service_bookings drop constraint if exists service_bookings_pricing_nonnegative`,
  `drop index if exists service_bookings_technician_window`,
  `drop index if exists services_active_popular_sort`,
  `drop index if exists services_active_category_sort`,
  `drop index if exists services_locales_description_trgm`,
  `drop index if exists services_locales_name_trgm`,
  `drop index if exists vehicles_one_default_per_owner`,
  `drop index if exists availability_blocks_window_idx`,
  `drop index if exists parking_bookings_spot_pin_idx`,
  `drop index if exists parking_bookings_holding_idx`,
  `drop index if exists parking_spots_earth_gist`,
  `alter table if exists payments drop constraint if exists payments_amounts_valid`,
  `drop index if exists subscriptions_one_active_per_user`,
  `alter table if exists negotiations drop constraint if exists negotiations_amounts_positive`,
  `drop index if exists negotiations_seller_pending`,
  `drop index if exists negotiations_open_expires_at`,
  `drop index if exists negotiations_one_open_per_buyer_car`,
  `alter table if exists reviews drop constraint if exists reviews_rating_range`,
  `drop index if exists notifications_queued_idx`,
  `drop index if exists notifications_unread_idx`,
  `drop index if exists messages_unread_idx`,
  `drop index if exists expert_verifications_open_uniq`,
  `drop index if exists conversations_initiator_listing_uniq`,
  `drop index if exists votes_user_target_uniq`,
  `drop index if exists reviews_target_approved_idx`,
  `drop index if exists reviews_author_target_booking_uniq`,
  `drop index if exists posts_published_updated_idx`,
  `drop index if exists comments_approved_created_idx`,
  `drop index if exists search_queries_popular_idx`,
  `drop index if exists listing_views_viewer_recent_idx`,
  `drop index if exists listing_views_user_recent_idx`,
  `drop index if exists listing_views_dedup_idx`,
  `drop index if exists favorites_user_item_uq`,
  `drop index if exists cars_active_published_idx`,
  `drop index if exists cars_location_earth_idx`,
  `drop index if exists parts_title_prefix_idx`,
  `drop index if exists cars_title_prefix_idx`,
  `drop index if exists models_name_trgm_idx`,
  `drop index if exists makes_name_trgm_idx`,
  `drop index if exists parts_title_trgm_idx`,
  `drop index if exists cars_title_trgm_idx`,
  `drop index if exists part_categories_name_fts_idx`,
  `drop index if exists part_brands_name_fts_idx`,
  `drop index if exists models_name_fts_idx`,
  `drop index if exists makes_name_fts_idx`,
  `drop index if exists parts_search_doc_idx`,
  `drop index if exists cars_search_doc_idx`,
  `drop function if exists public.autohub_part_doc(text, text, text)`,
  `drop function if exists public.autohub_car_doc(text, text)`,
  `drop function if exists public.autohub_norm(text)`,
  `drop index if exists cars_public_make_created_idx`,
  `drop index if exists models_make_years_idx`,
  `drop trigger if exists parts_stock_status_trg on parts`,
  `drop function if exists catalog_parts_stock_status()`,
  `alter table if exists parts drop constraint if exists parts_sale_price_chk`,
  `alter table if exists parts drop constraint if exists parts_stock_nonneg_chk`,
  `drop index if exists parts_compatibility_lookup_idx`,
  `drop index if exists parts_seller_status_idx`,
  `drop index if exists parts_status_category_idx`,
  `drop index if exists parts_status_price_idx`,
  `drop index if exists parts_status_created_idx`,
  `alter table if exists cars drop constraint if exists cars_auto_prices_chk`,
  `alter table if exists cars drop constraint if exists cars_price_nonneg_chk`,
  `drop index if exists cars_pending_review_idx`,
  `drop index if exists cars_active_featured_idx`,
  `drop index if exists cars_active_price_idx`,
  `drop index if exists cars_active_created_idx`,
  `drop index if exists cars_seller_status_idx`,
  `drop index if exists cars_make_model_year_idx`,
  `drop index if exists cars_status_city_idx`,
  `drop index if exists cars_status_body_type_price_idx`,
  `drop index if exists cars_status_mileage_idx`,
  `drop index if exists cars_status_year_idx`,
  `drop index if exists cars_status_price_idx`,
  `drop index if exists cars_status_created_idx`,
  `drop index if exists cars_status_make_model_price_idx`,
  `drop index if exists cars_status_make_price_idx`,
  `drop table if exists commerce_order_counters`,
  `drop table if exists commerce_stripe_events`,
  `drop table if exists service_booking_counters`,
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of statements) await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of downStatements) await db.execute(sql.raw(statement))
}
