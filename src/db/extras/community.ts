/** community: SQL the ORM cannot express (see ./index.ts). Idempotent statements only. */
export const statements: string[] = [
  // One review per author per target; per booking when the review is about a booking.
  `create unique index if not exists reviews_author_target_booking_uniq on reviews (author_id, target_collection, target_id, coalesce(booking_key, ''))`,
  `create index if not exists reviews_target_approved_idx on reviews (target_collection, target_id) where status = 'approved'`,
  // One vote per user per target.
  `create unique index if not exists votes_user_target_uniq on votes (user_id, target_collection, target_id)`,
  // One conversation per buyer per listing (contact-seller reuses it).
  `create unique index if not exists conversations_initiator_listing_uniq on conversations (initiator_id, listing_key) where listing_key is not null`,
  // At most one open (pending or approved) expert verification per user.
  `create unique index if not exists expert_verifications_open_uniq on expert_verifications (user_id) where status in ('pending', 'approved')`,
  // Unread messages per recipient and conversation.
  `create index if not exists messages_unread_idx on messages (conversation_id, recipient_id) where read_at is null`,
  `create index if not exists notifications_unread_idx on notifications (user_id) where read = false`,
  `create index if not exists notifications_queued_idx on notifications (user_id, created_at) where email_status = 'queued'`,
  // Rating and aspect values are whole stars.
  `do $$ begin
     alter table reviews add constraint reviews_rating_range check (rating between 1 and 5 and rating = trunc(rating));
   exception when duplicate_object then null; end $$`,
]
