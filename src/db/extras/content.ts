/** content: SQL the ORM cannot express (see ./index.ts). Idempotent statements only. */
const check = (table: string, name: string, expr: string) =>
  `do $$ begin
     if to_regclass('${table}') is not null and not exists (select 1 from pg_constraint where conname = '${name}') then
       alter table "${table}" add constraint ${name} check (${expr});
     end if;
   end $$`

export const statements: string[] = [
  // Counters never go negative (the hooks clamp too; this is the last line of defence).
  check('posts', 'posts_comments_count_nonneg', 'comments_count is null or comments_count >= 0'),
  check('posts', 'posts_views_count_nonneg', 'views_count is null or views_count >= 0'),
  check('comments', 'comments_likes_count_nonneg', 'likes_count is null or likes_count >= 0'),
  // Public comment lists: approved comments by time.
  `create index if not exists comments_approved_created_idx on comments (created_at) where status = 'approved'`,
  // The sitemap and feed read published posts newest first.
  `create index if not exists posts_published_updated_idx on posts (updated_at desc) where _status = 'published'`,
]
