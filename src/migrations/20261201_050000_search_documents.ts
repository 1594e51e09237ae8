/**
 * Stored search documents for the full-text search (src/db/discovery/search-engine.ts): one row per car and per
 * part holding what a query matches and ranks on, so a search no longer recomputes `autohub_car_doc` /
 * `autohub_part_doc` (and the plpgsql `autohub_norm` inside them) for every candidate row.
 *
 * - `car_search_docs` / `part_search_docs`: `status` (text), `title_norm` (`autohub_norm(title)`), `doc` — the
 *   weighted tsvector the search ranks with, exactly the expression it used to build at query time
 *   (`autohub_car_doc(title, description) || setweight(make + model names, 'B')`; parts: brand + category) —
 *   and `fresh` (the tie-break date). GIN indexes on `doc` and on `title_norm gin_trgm_ops` (typo pass,
 *   suggestions), a `text_pattern_ops` btree on `title_norm` of active rows (title prefixes).
 * - Maintained by triggers: statement-level on insert/update of cars and parts (transition tables, so a bulk
 *   insert is one `insert … select`), and on a rename of a make, model, part brand or part category (the
 *   documents of their cars/parts). Deleting a car or part deletes its document (foreign key, cascade).
 * - A backfill for rows that exist before the triggers (idempotent: only rows without a document).
 *
 * Same shape as 20261201_033000_database_extras.ts: every statement is idempotent; production runs `up` with
 * the other migrations, development and tests re-apply `statements` after each schema push
 * (src/db/sql-migrations.ts), and the dev push leaves `tables` alone (payload.config.ts `tablesFilter`).
 */
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres'

/** Tables this migration creates (the dev push must leave them alone: payload.config.ts `tablesFilter`). */
export const tables = ['car_search_docs', 'part_search_docs']

/** The columns a car document is computed from (an update touching none of them leaves the document alone). */
const CAR_SOURCE = ['title', 'description', 'make_id', 'model_id', 'status', 'published_at', 'created_at']
const PART_SOURCE = ['title', 'sku', 'description', 'brand_id', 'category_id', 'status', 'created_at']

const changed = (cols: string[], now: string) => `(${cols.map((c) => `${now}.${c}`).join(', ')}) is distinct from (${cols.map((c) => `o.${c}`).join(', ')})`

const CAR_ROWS = (from: string) => `
  select c.id, c.status::text, coalesce(public.autohub_norm(c.title), ''),
    public.autohub_car_search_doc(c.title, c.description, mk.name, md.name), coalesce(c.published_at, c.created_at)
  from ${from}
  left join makes mk on mk.id = c.make_id
  left join models md on md.id = c.model_id`

const PART_ROWS = (from: string) => `
  select p.id, p.status::text, coalesce(public.autohub_norm(p.title), ''),
    public.autohub_part_search_doc(p.title, p.sku, p.description, b.name, pc.name), p.created_at
  from ${from}
  left join part_brands b on b.id = p.brand_id
  left join part_categories pc on pc.id = p.category_id`

const UPSERT_CAR = `insert into car_search_docs (car_id, status, title_norm, doc, fresh)`
const UPSERT_PART = `insert into part_search_docs (part_id, status, title_norm, doc, fresh)`
const ON_CONFLICT = (key: string) => `on conflict (${key}) do update set status = excluded.status, title_norm = excluded.title_norm, doc = excluded.doc, fresh = excluded.fresh`

export const statements: string[] = [
  // The ranking documents: the same expressions the search used to compute per row at query time.
  `create or replace function public.autohub_car_search_doc(title text, description text, make text, model text) returns tsvector
     language sql immutable parallel safe
     as $$ select public.autohub_car_doc(title, description)
               || setweight(to_tsvector('simple'::regconfig, public.autohub_norm(coalesce(make, '') || ' ' || coalesce(model, ''))), 'B') $$`,
  `create or replace function public.autohub_part_search_doc(title text, sku text, description text, brand text, category text) returns tsvector
     language sql immutable parallel safe
     as $$ select public.autohub_part_doc(title, sku, description)
               || setweight(to_tsvector('simple'::regconfig, public.autohub_norm(coalesce(brand, '') || ' ' || coalesce(category, ''))), 'B') $$`,
  `create table if not exists car_search_docs (
     car_id integer primary key references cars(id) on delete cascade,
     status text not null,
     title_norm text not null,
     doc tsvector not null,
     fresh timestamptz
   )`,
  `create table if not exists part_search_docs (
     part_id integer primary key references parts(id) on delete cascade,
     status text not null,
     title_norm text not null,
     doc tsvector not null,
     fresh timestamptz
   )`,
  `create index if not exists car_search_docs_doc_idx on car_search_docs using gin (doc)`,
  `create index if not exists part_search_docs_doc_idx on part_search_docs using gin (doc)`,
  `create index if not exists car_search_docs_title_trgm_idx on car_search_docs using gin (title_norm gin_trgm_ops)`,
  `create index if not exists part_search_docs_title_trgm_idx on part_search_docs using gin (title_norm gin_trgm_ops)`,
  `create index if not exists car_search_docs_title_prefix_idx on car_search_docs (title_norm text_pattern_ops) where status = 'active'`,
  `create index if not exists part_search_docs_title_prefix_idx on part_search_docs (title_norm text_pattern_ops) where status = 'active'`,
  // Inserts and updates of cars/parts: one statement-level trigger each, over the transition table.
  `create or replace function public.autohub_car_search_docs_insert() returns trigger language plpgsql as $$
   begin
     ${UPSERT_CAR} ${CAR_ROWS('new_rows c')} ${ON_CONFLICT('car_id')};
     return null;
   end $$`,
  `create or replace function public.autohub_car_search_docs_update() returns trigger language plpgsql as $$
   begin
     ${UPSERT_CAR} ${CAR_ROWS('new_rows c join old_rows o on o.id = c.id')}
       where ${changed(CAR_SOURCE, 'c')} or not exists (select 1 from car_search_docs d where d.car_id = c.id)
     ${ON_CONFLICT('car_id')};
     return null;
   end $$`,
  `create or replace function public.autohub_part_search_docs_insert() returns trigger language plpgsql as $$
   begin
     ${UPSERT_PART} ${PART_ROWS('new_rows p')} ${ON_CONFLICT('part_id')};
     return null;
   end $$`,
  `create or replace function public.autohub_part_search_docs_update() returns trigger language plpgsql as $$
   begin
     ${UPSERT_PART} ${PART_ROWS('new_rows p join old_rows o on o.id = p.id')}
       where ${changed(PART_SOURCE, 'p')} or not exists (select 1 from part_search_docs d where d.part_id = p.id)
     ${ON_CONFLICT('part_id')};
     return null;
   end $$`,
  `create or replace trigger cars_search_docs_insert_trg after insert on cars
     referencing new table as new_rows for each statement execute function public.autohub_car_search_docs_insert()`,
  `create or replace trigger cars_search_docs_update_trg after update on cars
     referencing old table as old_rows new table as new_rows for each statement execute function public.autohub_car_search_docs_update()`,
  `create or replace trigger parts_search_docs_insert_trg after insert on parts
     referencing new table as new_rows for each statement execute function public.autohub_part_search_docs_insert()`,
  `create or replace trigger parts_search_docs_update_trg after update on parts
     referencing old table as old_rows new table as new_rows for each statement execute function public.autohub_part_search_docs_update()`,
  // A renamed make/model/brand/category: the documents of its cars/parts.
  `create or replace function public.autohub_search_docs_rename() returns trigger language plpgsql as $$
   begin
     if TG_TABLE_NAME = 'makes' then
       ${UPSERT_CAR} ${CAR_ROWS('cars c')}
         where c.make_id in (select n.id from new_rows n join old_rows o on o.id = n.id where n.name is distinct from o.name) ${ON_CONFLICT('car_id')};
     elsif TG_TABLE_NAME = 'models' then
       ${UPSERT_CAR} ${CAR_ROWS('cars c')}
         where c.model_id in (select n.id from new_rows n join old_rows o on o.id = n.id where n.name is distinct from o.name) ${ON_CONFLICT('car_id')};
     elsif TG_TABLE_NAME = 'part_brands' then
       ${UPSERT_PART} ${PART_ROWS('parts p')}
         where p.brand_id in (select n.id from new_rows n join old_rows o on o.id = n.id where n.name is distinct from o.name) ${ON_CONFLICT('part_id')};
     elsif TG_TABLE_NAME = 'part_categories' then
       ${UPSERT_PART} ${PART_ROWS('parts p')}
         where p.category_id in (select n.id from new_rows n join old_rows o on o.id = n.id where n.name is distinct from o.name) ${ON_CONFLICT('part_id')};
     end if;
     return null;
   end $$`,
  ...['makes', 'models', 'part_brands', 'part_categories'].map(
    (t) => `create or replace trigger ${t}_search_docs_rename_trg after update on ${t}
     referencing old table as old_rows new table as new_rows for each statement execute function public.autohub_search_docs_rename()`,
  ),
  // Backfill: rows that existed before the triggers (a no-op once every row has its document).
  `${UPSERT_CAR} ${CAR_ROWS('cars c')} where not exists (select 1 from car_search_docs d where d.car_id = c.id) on conflict (car_id) do nothing`,
  `${UPSERT_PART} ${PART_ROWS('parts p')} where not exists (select 1 from part_search_docs d where d.part_id = p.id) on conflict (part_id) do nothing`,
]

export const downStatements: string[] = [
  ...['makes', 'models', 'part_brands', 'part_categories'].map((t) => `drop trigger if exists ${t}_search_docs_rename_trg on ${t}`),
  `drop trigger if exists parts_search_docs_update_trg on parts`,
  `drop trigger if exists parts_search_docs_insert_trg on parts`,
  `drop trigger if exists cars_search_docs_update_trg on cars`,
  `drop trigger if exists cars_search_docs_insert_trg on cars`,
  `drop function if exists public.autohub_search_docs_rename()`,
  `drop function if exists public.autohub_part_search_docs_update()`,
  `drop function if exists public.autohub_part_search_docs_insert()`,
  `drop function if exists public.autohub_car_search_docs_update()`,
  `drop function if exists public.autohub_car_search_docs_insert()`,
  `drop table if exists part_search_docs`,
  `drop table if exists car_search_docs`,
  `drop function if exists public.autohub_part_search_doc(text, text, text, text, text)`,
  `drop function if exists public.autohub_car_search_doc(text, text, text, text)`,
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of statements) await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of downStatements) await db.execute(sql.raw(statement))
}
