/** negotiation: SQL the ORM cannot express (see ./index.ts). Idempotent statements only. */
export const statements: string[] = [
  // One open negotiation per buyer and car, whatever the application does (the endpoint answers 409 first).
  `create unique index if not exists negotiations_one_open_per_buyer_car on negotiations (buyer_id, car_id) where status = 'open'`,
  // The expiry job's scan: open negotiations by expiry time.
  `create index if not exists negotiations_open_expires_at on negotiations (expires_at) where status = 'open'`,
  // Seller dashboards: offers waiting for the seller.
  `create index if not exists negotiations_seller_pending on negotiations (seller_id) where status = 'open' and turn = 'seller'`,
  `do $$ begin
     alter table negotiations add constraint negotiations_amounts_positive check (current_amount > 0 and (agreed_price is null or agreed_price > 0));
   exception when duplicate_object then null; end $$`,
]
