/** commerce: SQL the ORM cannot express (see ./index.ts). Idempotent statements only. */
export const statements: string[] = [
  // Gap-free order numbers: one row per year, incremented inside the checkout transaction (a rolled-back
  // checkout rolls its increment back too). See src/commerce/checkout.ts nextOrderSequence().
  `create table if not exists commerce_order_counters (year integer primary key, last_value integer not null check (last_value >= 0))`,
  // Stripe events already processed: `insert … on conflict do nothing` in the webhook's transaction makes a
  // replayed (or concurrently re-delivered) event a no-op.
  `create table if not exists commerce_stripe_events (id text primary key, type text not null, processed_at timestamptz not null default now())`,
  // At most one active subscription per user.
  `do $$ begin
     if to_regclass('subscriptions') is not null then
       create unique index if not exists subscriptions_one_active_per_user on subscriptions (user_id) where status = 'active';
     end if;
   end $$`,
  // Ledger amounts are never negative and never refund more than was paid.
  `do $$ begin
     if to_regclass('payments') is not null and not exists (select 1 from pg_constraint where conname = 'payments_amounts_valid') then
       alter table payments add constraint payments_amounts_valid check (amount >= 0 and coalesce(refunded_amount, 0) >= 0 and coalesce(refunded_amount, 0) <= amount);
     end if;
   end $$`,
]
