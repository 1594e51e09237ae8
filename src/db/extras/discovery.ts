/**
 * discovery: SQL the ORM cannot express (see ./index.ts). Idempotent statements only.
 *
 * - `autohub_norm(text)`: lower(unaccent(text)), immutable (the dictionary is named), so it can be indexed;
 *   queries are normalized the same way in src/domain/discovery/search.ts.
 * - `autohub_car_doc` / `autohub_part_doc`: the weighted documents (title A, description C) behind the
 *   full-text GIN expression indexes; src/db/discovery/search-engine.ts calls exactly these expressions.
 * - trigram GIN indexes for typo matching and substring suggestions, a `text_pattern_ops` btree for short
 *   prefixes, a GiST earthdistance index for radius searches.
 * - favorites: one per user + item (unique index); listing views: the dedup and "recently viewed" lookups.
 */
export const statements: string[] = [
  // plpgsql (not inlined) so its declared COST reaches the planner: a seq scan calling it on every row is
  // then correctly judged dearer than the trigram/btree indexes that store its result.
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

  // full text
  `create index if not exists cars_search_doc_idx on cars using gin (public.autohub_car_doc(title, description))`,
  `create index if not exists parts_search_doc_idx on parts using gin (public.autohub_part_doc(title, sku, description))`,
  `create index if not exists makes_name_fts_idx on makes using gin (to_tsvector('simple'::regconfig, public.autohub_norm(name)))`,
  `create index if not exists models_name_fts_idx on models using gin (to_tsvector('simple'::regconfig, public.autohub_norm(name)))`,
  `create index if not exists part_brands_name_fts_idx on part_brands using gin (to_tsvector('simple'::regconfig, public.autohub_norm(name)))`,
  `create index if not exists part_categories_name_fts_idx on part_categories using gin (to_tsvector('simple'::regconfig, public.autohub_norm(name)))`,

  // trigram (typos, substrings) and short prefixes
  `create index if not exists cars_title_trgm_idx on cars using gin (public.autohub_norm(title) gin_trgm_ops)`,
  `create index if not exists parts_title_trgm_idx on parts using gin (public.autohub_norm(title) gin_trgm_ops)`,
  `create index if not exists makes_name_trgm_idx on makes using gin (public.autohub_norm(name) gin_trgm_ops)`,
  `create index if not exists models_name_trgm_idx on models using gin (public.autohub_norm(name) gin_trgm_ops)`,
  `create index if not exists cars_title_prefix_idx on cars (public.autohub_norm(title) text_pattern_ops) where status = 'active'`,
  `create index if not exists parts_title_prefix_idx on parts (public.autohub_norm(title) text_pattern_ops) where status = 'active'`,

  // geo: radius searches (earth_box @> ll_to_earth(...)) and saved-search alerts (new active listings)
  `create index if not exists cars_location_earth_idx on cars using gist (ll_to_earth(location_latitude::float8, location_longitude::float8))
     where location_latitude is not null and location_longitude is not null`,
  `create index if not exists cars_active_published_idx on cars (published_at) where status = 'active'`,

  // engagement
  `create unique index if not exists favorites_user_item_uq on favorites (user_id, item_type, item_id)`,
  `create index if not exists listing_views_dedup_idx on listing_views (car_id, viewer_key, created_at desc)`,
  `create index if not exists listing_views_user_recent_idx on listing_views (user_id, created_at desc) where user_id is not null`,
  `create index if not exists listing_views_viewer_recent_idx on listing_views (viewer_key, created_at desc)`,
  `create index if not exists search_queries_popular_idx on search_queries (created_at, normalized_query) where result_count > 0`,
]
