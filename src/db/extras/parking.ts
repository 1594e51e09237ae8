/** parking: SQL the ORM cannot express (see ./index.ts). Idempotent statements only. */

const check = (table: string, name: string, expr: string) => `do $$ begin
  if not exists (select 1 from pg_constraint where conname = '${name}') then
    alter table "${table}" add constraint "${name}" check (${expr});
  end if;
end $$`

export const statements: string[] = [
  // GET /api/parking-spots/nearby: earth_box(...) @> ll_to_earth(latitude, longitude) uses this GiST index.
  `create index if not exists parking_spots_earth_gist on parking_spots using gist (ll_to_earth(latitude::float8, longitude::float8)) where active`,
  // Capacity checks read the slot-holding bookings of one spot overlapping a window.
  `create index if not exists parking_bookings_holding_idx on parking_bookings (spot_id, start_time, end_time) where status in ('pending', 'active')`,
  // PIN lookups at the gate (spot + pin among holding bookings).
  `create index if not exists parking_bookings_spot_pin_idx on parking_bookings (spot_id, pin) where status in ('pending', 'active')`,
  `create index if not exists availability_blocks_window_idx on availability_blocks (spot_id, start_time, end_time)`,
  // One default vehicle per owner.
  `create unique index if not exists vehicles_one_default_per_owner on vehicles (owner_id) where is_default`,
  check('parking_spots', 'parking_spots_total_slots_chk', 'total_slots > 0'),
  check('parking_spots', 'parking_spots_price_chk', 'price >= 0'),
  check('parking_bookings', 'parking_bookings_window_chk', 'end_time > start_time'),
  check('parking_bookings', 'parking_bookings_total_cost_chk', 'total_cost >= 0'),
  check(
    'parking_bookings',
    'parking_bookings_server_fields_chk',
    'status is not null and total_cost is not null and qr_code is not null and pin is not null and payment_status is not null',
  ),
  check('availability_blocks', 'availability_blocks_window_chk', 'end_time > start_time'),
  check('availability_blocks', 'availability_blocks_slots_chk', 'slots_affected >= 1'),
]
