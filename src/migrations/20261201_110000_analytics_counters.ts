/**
 * Analytics counters: the admin dashboard's figures read from pre-aggregated counts instead of scanning the
 * users, listings, orders, payments, bookings, negotiations and searches of the window at every request (at 100k rows that
 * was ≈ 0.4 s of database CPU per dashboard; with counters it is a few hundred index rows).
 *
 * - `analytics_counts (metric, day, dim, n)`: one row per metric, UTC day and dimension. Day metrics (dim `''`):
 *   `new_users`, `new_listings`, `orders`, `revenue` (by `paid_at`, amount − refunded of succeeded / partially
 *   refunded / refunded payments), `parking_bookings`, `service_bookings`, `negotiations`, `accepted_negotiations`
 *   (by the negotiation's `created_at`); with the normalized query as dim: `searches`, `zero_result_searches`
 *   (the top searches). Snapshot metric `listings` (day 1970-01-01, dim `<status>:<make id or 0>`):
 *   listings per status and make, now.
 * - `analytics_count_deltas`: append-only changes. Statement-level triggers (insert, update, delete; transition
 *   tables) on the eight source tables append one row per (metric, day, dim) the statement changed — old rows
 *   counted −, new rows +, groups that net to zero dropped — so a bulk insert is one aggregated insert and writers
 *   never update a shared counter row (no hot row, no lock between two bookings).
 * - `autohub_analytics_compact()` folds the deltas into the counts (delete … returning + upsert, one statement,
 *   under a try-lock so one compaction runs at a time). A reader sums counts + deltas in one snapshot, so every
 *   figure is exact whether or not a compaction ran; the dashboard compacts before it reads and a job does every
 *   few minutes.
 * - Backfill: when both tables are empty (the migration's first run, or a database created before it), the counts
 *   are computed from the existing rows. TRUNCATE bypasses the triggers: after truncating a source table, empty
 *   both tables and re-run the backfill statement.
 *
 * Same shape as 20261201_033000_database_extras.ts: every statement is idempotent; production runs `up`,
 * development and tests re-apply `statements` after each schema push (src/db/sql-migrations.ts).
 */
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres'

/** Tables this migration creates (the dev push must leave them alone: payload.config.ts `tablesFilter`). */
export const tables = ['analytics_counts', 'analytics_count_deltas']

const day = (col: string) => `(r.${col} at time zone 'UTC')::date`
const EPOCH = `'1970-01-01'::date`

/** Per source table: the (metric, dim, day, n) rows one of its rows contributes, over the alias `r`. */
const CONTRIBUTIONS: Record<string, string> = {
  users: `values ('new_users', '', ${day('created_at')}, 1::numeric)`,
  cars: `values ('new_listings', '', ${day('created_at')}, 1::numeric), ('listings', r.status::text || ':' || coalesce(r.make_id, 0), ${EPOCH}, 1::numeric)`,
  orders: `values ('orders', '', ${day('created_at')}, 1::numeric)`,
  payments: `select 'revenue', '', ${day('paid_at')}, (r.amount - coalesce(r.refunded_amount, 0))::numeric
             where r.paid_at is not null and r.status::text in ('succeeded', 'partially_refunded', 'refunded')`,
  parking_bookings: `values ('parking_bookings', '', ${day('created_at')}, 1::numeric)`,
  service_bookings: `values ('service_bookings', '', ${day('created_at')}, 1::numeric)`,
  search_queries: `select 'searches', r.normalized_query::text, ${day('created_at')}, 1::numeric
                   union all select 'zero_result_searches', r.normalized_query::text, ${day('created_at')}, 1::numeric where r.result_count = 0`,
  negotiations: `select 'negotiations', '', ${day('created_at')}, 1::numeric
                 union all select 'accepted_negotiations', '', ${day('created_at')}, 1::numeric where r.status::text = 'accepted'`,
}
export const COUNTED_TABLES = Object.keys(CONTRIBUTIONS)

/** The contributions of the rows of `relation`, signed. */
const rowsOf = (table: string, relation: string, sign: 1 | -1) =>
  `select v.metric, v.dim, v.day, ${sign === 1 ? 'v.n' : '-v.n'} as n from ${relation} r cross join lateral (${CONTRIBUTIONS[table]}) as v(metric, dim, day, n)`

const appendDeltas = (body: string) => `insert into analytics_count_deltas (metric, dim, day, n)
  select metric, dim, day, sum(n) from (${body}) x group by metric, dim, day having sum(n) <> 0`

const triggerFunction = (table: string) => `create or replace function public.autohub_analytics_${table}() returns trigger language plpgsql as $$
  begin
    if TG_OP = 'INSERT' then
      ${appendDeltas(rowsOf(table, 'new_rows', 1))};
    elsif TG_OP = 'DELETE' then
      ${appendDeltas(rowsOf(table, 'old_rows', -1))};
    else
      ${appendDeltas(`${rowsOf(table, 'new_rows', 1)} union all ${rowsOf(table, 'old_rows', -1)}`)};
    end if;
    return null;
  end $$`

const triggers = (table: string) => [
  `create or replace trigger ${table}_analytics_insert_trg after insert on ${table}
     referencing new table as new_rows for each statement execute function public.autohub_analytics_${table}()`,
  `create or replace trigger ${table}_analytics_update_trg after update on ${table}
     referencing old table as old_rows new table as new_rows for each statement execute function public.autohub_analytics_${table}()`,
  `create or replace trigger ${table}_analytics_delete_trg after delete on ${table}
     referencing old table as old_rows for each statement execute function public.autohub_analytics_${table}()`,
]

export const statements: string[] = [
  `create table if not exists analytics_counts (
     metric text not null,
     day date not null,
     dim text not null default '',
     n numeric not null,
     primary key (metric, day, dim)
   )`,
  `create table if not exists analytics_count_deltas (
     metric text not null,
     day date not null,
     dim text not null default '',
     n numeric not null
   )`,
  `create index if not exists analytics_count_deltas_metric_day_idx on analytics_count_deltas (metric, day)`,
  // Backfill before the triggers exist (both tables empty: nothing was ever counted).
  `insert into analytics_counts (metric, day, dim, n)
     select metric, day, dim, sum(n) from (${COUNTED_TABLES.map((t) => rowsOf(t, t, 1)).join(' union all ')}) x
     where (select not exists (select 1 from analytics_counts) and not exists (select 1 from analytics_count_deltas))
     group by metric, day, dim having sum(n) <> 0`,
  ...COUNTED_TABLES.flatMap((t) => [triggerFunction(t), ...triggers(t)]),
  // Fold the deltas into the counts; one compaction at a time (a second caller returns -1 at once).
  `create or replace function public.autohub_analytics_compact() returns integer language plpgsql as $$
   declare moved integer;
   begin
     if not pg_try_advisory_xact_lock(hashtext('autohub:analytics-compact')) then return -1; end if;
     with d as (delete from analytics_count_deltas returning metric, day, dim, n),
          g as (select metric, day, dim, sum(n) as n from d group by metric, day, dim)
     insert into analytics_counts (metric, day, dim, n) select metric, day, dim, n from g order by metric, day, dim
     on conflict (metric, day, dim) do update set n = analytics_counts.n + excluded.n;
     get diagnostics moved = row_count;
     return moved;
   end $$`,
]

export const downStatements: string[] = [
  ...COUNTED_TABLES.flatMap((t) => [
    `drop trigger if exists ${t}_analytics_insert_trg on ${t}`,
    `drop trigger if exists ${t}_analytics_update_trg on ${t}`,
    `drop trigger if exists ${t}_analytics_delete_trg on ${t}`,
    `drop function if exists public.autohub_analytics_${t}()`,
  ]),
  `drop function if exists public.autohub_analytics_compact()`,
  `drop table if exists analytics_count_deltas`,
  `drop table if exists analytics_counts`,
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of statements) await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of downStatements) await db.execute(sql.raw(statement))
}
