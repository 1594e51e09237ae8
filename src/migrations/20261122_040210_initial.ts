import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('en', 'ar');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'seller', 'buyer', 'technician', 'parking_owner');
  CREATE TYPE "public"."enum_users_notification_preferences_muted_types" AS ENUM('new_message', 'listing_update', 'price_alert', 'offer_received', 'offer_countered', 'offer_accepted', 'offer_rejected', 'offer_withdrawn', 'offer_expired', 'review_received', 'seller_response', 'forum_reply', 'expert_response', 'booking_status', 'payment', 'order_status', 'verification_status', 'account_alert', 'promotion', 'system_announcement', 'emergency', 'saved_search_match', 'booking_reminder');
  CREATE TYPE "public"."enum_users_status" AS ENUM('active', 'suspended', 'inactive');
  CREATE TYPE "public"."enum_users_account_type" AS ENUM('individual', 'company');
  CREATE TYPE "public"."enum_users_preferred_language" AS ENUM('en', 'ar');
  CREATE TYPE "public"."enum_users_notification_preferences_frequency" AS ENUM('instant', 'daily', 'weekly');
  CREATE TYPE "public"."enum_dealers_documents_type" AS ENUM('business_license', 'tax_certificate', 'id_document', 'other');
  CREATE TYPE "public"."enum_dealers_verification_status" AS ENUM('pending', 'verified', 'rejected');
  CREATE TYPE "public"."enum_technicians_specializations" AS ENUM('mobile_workshop', 'emergency', 'regular_maintenance', 'periodic_maintenance');
  CREATE TYPE "public"."enum_technicians_working_areas" AS ENUM('cairo', 'giza', 'alexandria', 'qalyubia', 'sharqia', 'dakahlia', 'beheira', 'kafr_el_sheikh', 'gharbia', 'monufia', 'damietta', 'port_said', 'ismailia', 'suez', 'north_sinai', 'south_sinai', 'red_sea', 'matrouh', 'faiyum', 'beni_suef', 'minya', 'asyut', 'sohag', 'qena', 'luxor', 'aswan', 'new_valley');
  CREATE TYPE "public"."enum_technicians_status" AS ENUM('available', 'busy', 'offline');
  CREATE TYPE "public"."enum_expert_verifications_expertise_areas" AS ENUM('engine', 'transmission', 'electrical', 'brakes', 'suspension', 'bodywork', 'tires', 'diagnostics', 'ev_hybrid', 'maintenance', 'valuation');
  CREATE TYPE "public"."enum_expert_verifications_status" AS ENUM('pending', 'approved', 'rejected');
  CREATE TYPE "public"."enum_models_body_type" AS ENUM('sedan', 'hatchback', 'suv', 'crossover', 'coupe', 'convertible', 'wagon', 'pickup', 'van', 'minivan', 'sports');
  CREATE TYPE "public"."enum_features_category" AS ENUM('safety', 'comfort', 'technology', 'entertainment', 'exterior', 'interior', 'performance', 'convenience');
  CREATE TYPE "public"."enum_cars_condition" AS ENUM('new', 'used', 'certified');
  CREATE TYPE "public"."enum_cars_fuel_type" AS ENUM('petrol', 'diesel', 'hybrid', 'plug_in_hybrid', 'electric', 'lpg', 'cng', 'hydrogen');
  CREATE TYPE "public"."enum_cars_transmission" AS ENUM('automatic', 'manual', 'cvt', 'dual_clutch', 'semi_automatic');
  CREATE TYPE "public"."enum_cars_drive_type" AS ENUM('fwd', 'rwd', 'awd', 'four_wd');
  CREATE TYPE "public"."enum_cars_body_type" AS ENUM('sedan', 'hatchback', 'suv', 'crossover', 'coupe', 'convertible', 'wagon', 'pickup', 'van', 'minivan', 'sports');
  CREATE TYPE "public"."enum_cars_status" AS ENUM('draft', 'pending', 'active', 'sold', 'archived');
  CREATE TYPE "public"."enum_parts_condition" AS ENUM('new', 'used', 'refurbished');
  CREATE TYPE "public"."enum_parts_stock_status" AS ENUM('in_stock', 'low_stock', 'out_of_stock');
  CREATE TYPE "public"."enum_parts_status" AS ENUM('draft', 'active', 'archived');
  CREATE TYPE "public"."enum_favorites_item_type" AS ENUM('cars', 'parts');
  CREATE TYPE "public"."enum_saved_searches_alert_frequency" AS ENUM('instant', 'daily', 'weekly');
  CREATE TYPE "public"."enum_search_queries_type" AS ENUM('cars', 'parts', 'all');
  CREATE TYPE "public"."enum_posts_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__posts_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__posts_v_published_locale" AS ENUM('en', 'ar');
  CREATE TYPE "public"."enum_comments_status" AS ENUM('pending', 'approved', 'rejected', 'spam');
  CREATE TYPE "public"."enum_reviews_status" AS ENUM('pending', 'approved', 'rejected');
  CREATE TYPE "public"."enum_votes_value" AS ENUM('helpful', 'unhelpful', 'like');
  CREATE TYPE "public"."enum_forum_threads_status" AS ENUM('open', 'resolved', 'closed');
  CREATE TYPE "public"."enum_forum_responses_status" AS ENUM('visible', 'hidden');
  CREATE TYPE "public"."enum_contact_submissions_status" AS ENUM('new', 'handled', 'spam');
  CREATE TYPE "public"."enum_notifications_type" AS ENUM('new_message', 'listing_update', 'price_alert', 'offer_received', 'offer_countered', 'offer_accepted', 'offer_rejected', 'offer_withdrawn', 'offer_expired', 'review_received', 'seller_response', 'forum_reply', 'expert_response', 'booking_status', 'payment', 'order_status', 'verification_status', 'account_alert', 'promotion', 'system_announcement', 'emergency', 'saved_search_match', 'booking_reminder');
  CREATE TYPE "public"."enum_notifications_email_status" AS ENUM('none', 'sending', 'sent', 'queued', 'digested', 'failed');
  CREATE TYPE "public"."enum_negotiations_offers_by" AS ENUM('buyer', 'seller');
  CREATE TYPE "public"."enum_negotiations_status" AS ENUM('open', 'accepted', 'rejected', 'withdrawn', 'expired');
  CREATE TYPE "public"."enum_negotiations_turn" AS ENUM('buyer', 'seller');
  CREATE TYPE "public"."enum_orders_items_fulfilment_status" AS ENUM('pending', 'shipped');
  CREATE TYPE "public"."enum_orders_status" AS ENUM('pending', 'paid', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded');
  CREATE TYPE "public"."enum_orders_payment_method" AS ENUM('card', 'cash_on_delivery');
  CREATE TYPE "public"."enum_orders_payment_status" AS ENUM('unpaid', 'paid', 'partially_refunded', 'refunded', 'voided');
  CREATE TYPE "public"."enum_payments_provider" AS ENUM('stripe', 'cash', 'manual');
  CREATE TYPE "public"."enum_payments_status" AS ENUM('requires_payment', 'succeeded', 'failed', 'refunded', 'partially_refunded', 'cancelled');
  CREATE TYPE "public"."enum_payments_target_type" AS ENUM('orders', 'parking_bookings', 'service_bookings', 'subscriptions');
  CREATE TYPE "public"."enum_plans_billing_period" AS ENUM('monthly', 'yearly');
  CREATE TYPE "public"."enum_subscriptions_status" AS ENUM('pending_payment', 'active', 'cancelled', 'expired');
  CREATE TYPE "public"."enum_parking_spots_opening_hours_days_day" AS ENUM('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
  CREATE TYPE "public"."enum_parking_spots_price_type" AS ENUM('hour', 'day', 'month');
  CREATE TYPE "public"."enum_availability_blocks_type" AS ENUM('maintenance', 'blocked', 'reserved');
  CREATE TYPE "public"."enum_parking_bookings_status" AS ENUM('pending', 'active', 'completed', 'cancelled');
  CREATE TYPE "public"."enum_parking_bookings_price_type" AS ENUM('hour', 'day', 'month');
  CREATE TYPE "public"."enum_parking_bookings_payment_status" AS ENUM('unpaid', 'pay_on_site', 'paid', 'partially_refunded', 'refunded');
  CREATE TYPE "public"."enum_parking_bookings_cancellation_reason" AS ENUM('driver_cancelled', 'owner_cancelled', 'admin_cancelled', 'no_show');
  CREATE TYPE "public"."enum_services_availability_working_days" AS ENUM('sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat');
  CREATE TYPE "public"."enum_services_category" AS ENUM('mobile_workshop', 'emergency', 'regular_maintenance', 'periodic_maintenance');
  CREATE TYPE "public"."enum_service_bookings_tracking_status_history_status" AS ENUM('pending_approval', 'approved', 'on_way', 'in_progress', 'completed', 'rejected', 'cancelled');
  CREATE TYPE "public"."enum_service_bookings_tracking_status_history_actor_type" AS ENUM('customer', 'guest', 'admin', 'technician', 'system');
  CREATE TYPE "public"."enum_service_bookings_progress_stages_status" AS ENUM('pending', 'in_progress', 'completed', 'skipped');
  CREATE TYPE "public"."enum_service_bookings_status" AS ENUM('pending_approval', 'approved', 'on_way', 'in_progress', 'completed', 'rejected', 'cancelled');
  CREATE TYPE "public"."enum_service_bookings_urgency" AS ENUM('low', 'normal', 'high', 'emergency');
  CREATE TYPE "public"."enum_service_bookings_location_governorate" AS ENUM('cairo', 'giza', 'alexandria', 'qalyubia', 'sharqia', 'dakahlia', 'beheira', 'kafr_el_sheikh', 'gharbia', 'monufia', 'damietta', 'port_said', 'ismailia', 'suez', 'north_sinai', 'south_sinai', 'red_sea', 'matrouh', 'faiyum', 'beni_suef', 'minya', 'asyut', 'sohag', 'qena', 'luxor', 'aswan', 'new_valley');
  CREATE TYPE "public"."enum_service_bookings_payment_status" AS ENUM('pending', 'paid', 'refunded', 'failed');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'catalog-expire-featured', 'saved-search-alerts', 'content-recount-comments', 'community-notification-digest', 'expire-negotiations', 'commerce-expire-unpaid-orders', 'commerce-expire-subscriptions', 'parking-no-shows', 'parking-overstays', 'parking-reminders', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'catalog-expire-featured', 'saved-search-alerts', 'content-recount-comments', 'community-notification-digest', 'expire-negotiations', 'commerce-expire-unpaid-orders', 'commerce-expire-subscriptions', 'parking-no-shows', 'parking-overstays', 'parking-reminders', 'schedulePublish');
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_notification_preferences_muted_types" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_notification_preferences_muted_types",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"first_name" varchar,
  	"last_name" varchar,
  	"status" "enum_users_status" DEFAULT 'active',
  	"suspended_until" timestamp(3) with time zone,
  	"suspension_reason" varchar,
  	"phone" varchar,
  	"avatar_id" integer,
  	"bio" varchar,
  	"account_type" "enum_users_account_type" DEFAULT 'individual',
  	"company_name" varchar,
  	"preferred_language" "enum_users_preferred_language" DEFAULT 'en',
  	"location_city" varchar,
  	"location_region" varchar,
  	"location_country" varchar,
  	"social_website" varchar,
  	"social_facebook" varchar,
  	"social_twitter" varchar,
  	"social_instagram" varchar,
  	"social_linkedin" varchar,
  	"car_info_make" varchar,
  	"car_info_model" varchar,
  	"car_info_year" numeric,
  	"notification_preferences_email" boolean DEFAULT true,
  	"notification_preferences_sms" boolean DEFAULT false,
  	"notification_preferences_push" boolean DEFAULT true,
  	"notification_preferences_frequency" "enum_users_notification_preferences_frequency" DEFAULT 'instant',
  	"notification_preferences_quiet_hours_start" varchar,
  	"notification_preferences_quiet_hours_end" varchar,
  	"notification_preferences_timezone" varchar DEFAULT 'UTC',
  	"rating_average" numeric DEFAULT 0,
  	"rating_count" numeric DEFAULT 0,
  	"rating_distribution_one" numeric DEFAULT 0,
  	"rating_distribution_two" numeric DEFAULT 0,
  	"rating_distribution_three" numeric DEFAULT 0,
  	"rating_distribution_four" numeric DEFAULT 0,
  	"rating_distribution_five" numeric DEFAULT 0,
  	"rating_aspects_communication" numeric,
  	"rating_aspects_accuracy" numeric,
  	"rating_aspects_value" numeric,
  	"rating_aspects_shipping" numeric,
  	"last_login" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"_verified" boolean,
  	"_verificationtoken" varchar,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "login_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"ip" varchar,
  	"user_agent" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "dealers_documents" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"file_id" integer NOT NULL,
  	"type" "enum_dealers_documents_type" DEFAULT 'other',
  	"note" varchar
  );
  
  CREATE TABLE "dealers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"owner_id" integer,
  	"logo_id" integer,
  	"banner_id" integer,
  	"description" varchar,
  	"contact_phone" varchar,
  	"contact_email" varchar,
  	"contact_website" varchar,
  	"location_address" varchar,
  	"location_city" varchar,
  	"location_region" varchar,
  	"location_country" varchar,
  	"location_latitude" numeric,
  	"location_longitude" numeric,
  	"verification_status" "enum_dealers_verification_status" DEFAULT 'pending' NOT NULL,
  	"verification_note" varchar,
  	"verified_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "technicians_specializations" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_technicians_specializations",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "technicians_working_areas" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_technicians_working_areas",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "technicians" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"display_name" varchar NOT NULL,
  	"phone" varchar,
  	"status" "enum_technicians_status" DEFAULT 'available' NOT NULL,
  	"current_location_latitude" numeric,
  	"current_location_longitude" numeric,
  	"current_location_updated_at" timestamp(3) with time zone,
  	"rating_average" numeric DEFAULT 0,
  	"rating_count" numeric DEFAULT 0,
  	"rating_distribution_one" numeric DEFAULT 0,
  	"rating_distribution_two" numeric DEFAULT 0,
  	"rating_distribution_three" numeric DEFAULT 0,
  	"rating_distribution_four" numeric DEFAULT 0,
  	"rating_distribution_five" numeric DEFAULT 0,
  	"rating_aspects_communication" numeric,
  	"rating_aspects_accuracy" numeric,
  	"rating_aspects_value" numeric,
  	"rating_aspects_shipping" numeric,
  	"performance_completed_jobs" numeric DEFAULT 0,
  	"performance_average_rating" numeric DEFAULT 0,
  	"performance_completion_rate" numeric DEFAULT 0,
  	"performance_average_response_minutes" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "vehicles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"owner_id" integer NOT NULL,
  	"license_plate" varchar NOT NULL,
  	"make" varchar,
  	"model" varchar,
  	"color" varchar,
  	"year" numeric,
  	"is_default" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "expert_verifications_expertise_areas" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_expert_verifications_expertise_areas",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "expert_verifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer,
  	"years_of_experience" numeric NOT NULL,
  	"credentials" varchar,
  	"status" "enum_expert_verifications_status" DEFAULT 'pending',
  	"review_notes" varchar,
  	"reviewed_by_id" integer,
  	"reviewed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "expert_verifications_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"uploaded_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_medium_url" varchar,
  	"sizes_medium_width" numeric,
  	"sizes_medium_height" numeric,
  	"sizes_medium_mime_type" varchar,
  	"sizes_medium_filesize" numeric,
  	"sizes_medium_filename" varchar,
  	"sizes_large_url" varchar,
  	"sizes_large_width" numeric,
  	"sizes_large_height" numeric,
  	"sizes_large_mime_type" varchar,
  	"sizes_large_filesize" numeric,
  	"sizes_large_filename" varchar
  );
  
  CREATE TABLE "media_locales" (
  	"alt" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "makes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"logo_id" integer,
  	"country" varchar,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "models" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"make_id" integer NOT NULL,
  	"year_from" numeric,
  	"year_to" numeric,
  	"body_type" "enum_models_body_type",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "features" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"category" "enum_features_category" NOT NULL,
  	"icon" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "features_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "cars_videos" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"url" varchar,
  	"file_id" integer
  );
  
  CREATE TABLE "cars_specifications_service_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"mileage" numeric,
  	"description" varchar,
  	"provider" varchar
  );
  
  CREATE TABLE "cars_price_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"price" numeric NOT NULL,
  	"changed_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "cars" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"slug" varchar,
  	"description" varchar,
  	"make_id" integer NOT NULL,
  	"model_id" integer NOT NULL,
  	"year" numeric NOT NULL,
  	"condition" "enum_cars_condition" DEFAULT 'used' NOT NULL,
  	"price" numeric NOT NULL,
  	"currency" varchar DEFAULT 'USD',
  	"msrp" numeric,
  	"mileage" numeric DEFAULT 0,
  	"fuel_type" "enum_cars_fuel_type",
  	"transmission" "enum_cars_transmission",
  	"drive_type" "enum_cars_drive_type",
  	"body_type" "enum_cars_body_type",
  	"engine_size" numeric,
  	"cylinders" numeric,
  	"doors" numeric,
  	"seats" numeric,
  	"exterior_color" varchar,
  	"interior_color" varchar,
  	"vin" varchar,
  	"primary_image_id" integer,
  	"status" "enum_cars_status" DEFAULT 'draft' NOT NULL,
  	"moderation_note" varchar,
  	"published_at" timestamp(3) with time zone,
  	"featured" boolean DEFAULT false,
  	"featured_until" timestamp(3) with time zone,
  	"location_address" varchar,
  	"location_city" varchar,
  	"location_region" varchar,
  	"location_country" varchar,
  	"location_latitude" numeric,
  	"location_longitude" numeric,
  	"contact_phone" varchar,
  	"contact_email" varchar,
  	"views_count" numeric DEFAULT 0,
  	"favorites_count" numeric DEFAULT 0,
  	"specifications_horsepower" numeric,
  	"specifications_torque" numeric,
  	"specifications_acceleration0to100" numeric,
  	"specifications_fuel_economy" numeric,
  	"specifications_dimensions_length" numeric,
  	"specifications_dimensions_width" numeric,
  	"specifications_dimensions_height" numeric,
  	"specifications_dimensions_wheelbase" numeric,
  	"specifications_weight" numeric,
  	"specifications_warranty" varchar,
  	"negotiable" boolean DEFAULT false,
  	"auto_accept_price" numeric,
  	"auto_decline_price" numeric,
  	"seller_id" integer,
  	"dealer_id" integer,
  	"rating_average" numeric DEFAULT 0,
  	"rating_count" numeric DEFAULT 0,
  	"rating_distribution_one" numeric DEFAULT 0,
  	"rating_distribution_two" numeric DEFAULT 0,
  	"rating_distribution_three" numeric DEFAULT 0,
  	"rating_distribution_four" numeric DEFAULT 0,
  	"rating_distribution_five" numeric DEFAULT 0,
  	"rating_aspects_communication" numeric,
  	"rating_aspects_accuracy" numeric,
  	"rating_aspects_value" numeric,
  	"rating_aspects_shipping" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "cars_locales" (
  	"meta_title" varchar,
  	"meta_description" varchar,
  	"meta_image_id" integer,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "cars_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"features_id" integer,
  	"media_id" integer
  );
  
  CREATE TABLE "parts_compatibility" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"make_id" integer NOT NULL,
  	"model_id" integer,
  	"year_from" numeric,
  	"year_to" numeric,
  	"notes" varchar
  );
  
  CREATE TABLE "parts_specifications" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"value" varchar NOT NULL,
  	"unit" varchar
  );
  
  CREATE TABLE "parts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"slug" varchar,
  	"description" varchar,
  	"category_id" integer,
  	"brand_id" integer,
  	"sku" varchar NOT NULL,
  	"price" numeric NOT NULL,
  	"sale_price" numeric,
  	"currency" varchar DEFAULT 'USD',
  	"condition" "enum_parts_condition" DEFAULT 'new' NOT NULL,
  	"stock_quantity" numeric DEFAULT 0 NOT NULL,
  	"manage_stock" boolean DEFAULT true,
  	"low_stock_threshold" numeric DEFAULT 5,
  	"stock_status" "enum_parts_stock_status" DEFAULT 'out_of_stock',
  	"weight" numeric,
  	"dimensions_length" numeric,
  	"dimensions_width" numeric,
  	"dimensions_height" numeric,
  	"warranty" varchar,
  	"status" "enum_parts_status" DEFAULT 'draft' NOT NULL,
  	"featured" boolean DEFAULT false,
  	"favorites_count" numeric DEFAULT 0,
  	"seller_id" integer,
  	"store_id" integer,
  	"rating_average" numeric DEFAULT 0,
  	"rating_count" numeric DEFAULT 0,
  	"rating_distribution_one" numeric DEFAULT 0,
  	"rating_distribution_two" numeric DEFAULT 0,
  	"rating_distribution_three" numeric DEFAULT 0,
  	"rating_distribution_four" numeric DEFAULT 0,
  	"rating_distribution_five" numeric DEFAULT 0,
  	"rating_aspects_communication" numeric,
  	"rating_aspects_accuracy" numeric,
  	"rating_aspects_value" numeric,
  	"rating_aspects_shipping" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "parts_locales" (
  	"meta_title" varchar,
  	"meta_description" varchar,
  	"meta_image_id" integer,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "parts_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "part_categories_breadcrumbs" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"category_id" integer,
  	"name" varchar,
  	"slug" varchar
  );
  
  CREATE TABLE "part_categories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"parent_id" integer,
  	"description" varchar,
  	"image_id" integer,
  	"sort_order" numeric DEFAULT 0,
  	"path" varchar,
  	"depth" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "part_brands" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"logo_id" integer,
  	"country" varchar,
  	"website" varchar,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "favorites" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"item_type" "enum_favorites_item_type",
  	"item_id" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "favorites_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"cars_id" integer,
  	"parts_id" integer
  );
  
  CREATE TABLE "wishlists" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"is_public" boolean DEFAULT false,
  	"share_token" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "wishlists_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"cars_id" integer,
  	"parts_id" integer
  );
  
  CREATE TABLE "saved_searches" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"name" varchar NOT NULL,
  	"filters" jsonb,
  	"alert_frequency" "enum_saved_searches_alert_frequency" DEFAULT 'daily' NOT NULL,
  	"alerts_enabled" boolean DEFAULT true,
  	"last_checked_at" timestamp(3) with time zone,
  	"last_notified_at" timestamp(3) with time zone,
  	"last_match_count" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "search_queries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer,
  	"query" varchar NOT NULL,
  	"normalized_query" varchar NOT NULL,
  	"type" "enum_search_queries_type" DEFAULT 'all',
  	"filters" jsonb,
  	"result_count" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "listing_views" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"car_id" integer NOT NULL,
  	"user_id" integer,
  	"viewer_key" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "comparisons" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"name" varchar DEFAULT 'My comparison',
  	"share_token" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "comparisons_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"cars_id" integer
  );
  
  CREATE TABLE "posts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"featured_image_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"reading_time" numeric,
  	"views_count" numeric DEFAULT 0,
  	"comments_count" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_posts_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "posts_locales" (
  	"title" varchar,
  	"excerpt" varchar,
  	"content" jsonb,
  	"meta_title" varchar,
  	"meta_description" varchar,
  	"meta_image_id" integer,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "posts_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"categories_id" integer,
  	"tags_id" integer
  );
  
  CREATE TABLE "_posts_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_featured_image_id" integer,
  	"version_published_at" timestamp(3) with time zone,
  	"version_reading_time" numeric,
  	"version_views_count" numeric DEFAULT 0,
  	"version_comments_count" numeric DEFAULT 0,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__posts_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__posts_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_posts_v_locales" (
  	"version_title" varchar,
  	"version_excerpt" varchar,
  	"version_content" jsonb,
  	"version_meta_title" varchar,
  	"version_meta_description" varchar,
  	"version_meta_image_id" integer,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_posts_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"categories_id" integer,
  	"tags_id" integer
  );
  
  CREATE TABLE "categories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "categories_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "tags" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"description" varchar,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "comments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"body" varchar NOT NULL,
  	"author_id" integer,
  	"guest_name" varchar,
  	"guest_email" varchar,
  	"status" "enum_comments_status" DEFAULT 'pending' NOT NULL,
  	"moderated_at" timestamp(3) with time zone,
  	"likes_count" numeric DEFAULT 0,
  	"ip" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "comments_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"posts_id" integer,
  	"cars_id" integer,
  	"parts_id" integer
  );
  
  CREATE TABLE "testimonials" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"role" varchar,
  	"company" varchar,
  	"rating" numeric,
  	"avatar_id" integer,
  	"order" numeric DEFAULT 0,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "testimonials_locales" (
  	"quote" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "partners" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"logo_id" integer,
  	"link" varchar,
  	"order" numeric DEFAULT 0,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reviews_reports" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"by_id" integer,
  	"reason" varchar,
  	"at" timestamp(3) with time zone
  );
  
  CREATE TABLE "reviews" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"author_id" integer,
  	"rating" numeric NOT NULL,
  	"aspects_communication" numeric,
  	"aspects_accuracy" numeric,
  	"aspects_value" numeric,
  	"aspects_shipping" numeric,
  	"title" varchar,
  	"content" varchar,
  	"verified_purchase" boolean DEFAULT false,
  	"status" "enum_reviews_status" DEFAULT 'approved',
  	"moderation_note" varchar,
  	"seller_response_content" varchar,
  	"seller_response_at" timestamp(3) with time zone,
  	"reports_count" numeric DEFAULT 0,
  	"helpful_count" numeric DEFAULT 0,
  	"unhelpful_count" numeric DEFAULT 0,
  	"target_collection" varchar,
  	"target_id" numeric,
  	"target_owner_id" integer,
  	"booking_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reviews_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"cars_id" integer,
  	"parts_id" integer,
  	"users_id" integer,
  	"parking_spots_id" integer,
  	"services_id" integer,
  	"technicians_id" integer,
  	"parking_bookings_id" integer,
  	"service_bookings_id" integer,
  	"media_id" integer
  );
  
  CREATE TABLE "votes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer,
  	"value" "enum_votes_value" NOT NULL,
  	"target_collection" varchar,
  	"target_id" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "votes_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"reviews_id" integer,
  	"forum_responses_id" integer,
  	"comments_id" integer
  );
  
  CREATE TABLE "forum_categories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "forum_categories_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "forum_threads" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"category_id" integer NOT NULL,
  	"author_id" integer,
  	"car_make_id" integer,
  	"car_model_id" integer,
  	"car_year" numeric,
  	"status" "enum_forum_threads_status" DEFAULT 'open',
  	"pinned" boolean DEFAULT false,
  	"featured" boolean DEFAULT false,
  	"accepted_response_id" integer,
  	"views_count" numeric DEFAULT 0,
  	"responses_count" numeric DEFAULT 0,
  	"last_activity_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "forum_responses_flags" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"by_id" integer,
  	"reason" varchar,
  	"at" timestamp(3) with time zone
  );
  
  CREATE TABLE "forum_responses" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"thread_id" integer NOT NULL,
  	"author_id" integer,
  	"body" varchar NOT NULL,
  	"is_expert" boolean DEFAULT false,
  	"is_accepted" boolean DEFAULT false,
  	"helpful_count" numeric DEFAULT 0,
  	"unhelpful_count" numeric DEFAULT 0,
  	"status" "enum_forum_responses_status" DEFAULT 'visible',
  	"flags_count" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "conversations_unread" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"user_id" integer,
  	"count" numeric DEFAULT 0
  );
  
  CREATE TABLE "conversations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"initiator_id" integer,
  	"listing_key" varchar,
  	"subject" varchar,
  	"last_message_at" timestamp(3) with time zone,
  	"last_message_preview" varchar,
  	"last_message_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "conversations_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"cars_id" integer,
  	"parts_id" integer
  );
  
  CREATE TABLE "messages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"conversation_id" integer NOT NULL,
  	"sender_id" integer,
  	"recipient_id" integer,
  	"body" varchar NOT NULL,
  	"read_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "messages_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "contact_submissions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"phone" varchar,
  	"subject" varchar,
  	"message" varchar NOT NULL,
  	"status" "enum_contact_submissions_status" DEFAULT 'new',
  	"ip" varchar,
  	"user_agent" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"type" "enum_notifications_type" NOT NULL,
  	"data" jsonb,
  	"action_url" varchar,
  	"urgent" boolean DEFAULT false,
  	"read" boolean DEFAULT false,
  	"read_at" timestamp(3) with time zone,
  	"email_status" "enum_notifications_email_status" DEFAULT 'none',
  	"emailed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notifications_locales" (
  	"title" varchar NOT NULL,
  	"message" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "negotiations_offers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"by" "enum_negotiations_offers_by" NOT NULL,
  	"amount" numeric NOT NULL,
  	"message" varchar,
  	"at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "negotiations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"car_id" integer NOT NULL,
  	"buyer_id" integer NOT NULL,
  	"seller_id" integer NOT NULL,
  	"status" "enum_negotiations_status" DEFAULT 'open' NOT NULL,
  	"turn" "enum_negotiations_turn" DEFAULT 'seller' NOT NULL,
  	"current_amount" numeric NOT NULL,
  	"agreed_price" numeric,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"round_count" numeric DEFAULT 1 NOT NULL,
  	"closed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loan_calculations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"car_id" integer,
  	"vehicle_price" numeric NOT NULL,
  	"down_payment" numeric DEFAULT 0,
  	"trade_in_value" numeric DEFAULT 0,
  	"fees" numeric DEFAULT 0,
  	"interest_rate" numeric NOT NULL,
  	"term_months" numeric NOT NULL,
  	"sales_tax_rate" numeric DEFAULT 0,
  	"principal" numeric NOT NULL,
  	"monthly_payment" numeric NOT NULL,
  	"total_interest" numeric NOT NULL,
  	"total_paid" numeric NOT NULL,
  	"schedule" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "financial_products_apr_by_credit_band" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"min_score" numeric NOT NULL,
  	"max_score" numeric NOT NULL,
  	"apr" numeric NOT NULL
  );
  
  CREATE TABLE "financial_products" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"lender" varchar NOT NULL,
  	"min_amount" numeric DEFAULT 0 NOT NULL,
  	"max_amount" numeric NOT NULL,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "financial_products_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "financial_products_numbers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" numeric,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL
  );
  
  CREATE TABLE "carts_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"part_id" integer NOT NULL,
  	"quantity" numeric NOT NULL,
  	"unit_price" numeric NOT NULL,
  	"added_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "carts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer,
  	"token_hash" varchar,
  	"currency" varchar DEFAULT 'USD',
  	"last_activity_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "orders_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"part_id" integer NOT NULL,
  	"seller_id" integer,
  	"title" varchar NOT NULL,
  	"sku" varchar,
  	"quantity" numeric NOT NULL,
  	"unit_price" numeric NOT NULL,
  	"total" numeric NOT NULL,
  	"stock_taken" boolean DEFAULT false,
  	"fulfilment_status" "enum_orders_items_fulfilment_status" DEFAULT 'pending',
  	"shipped_at" timestamp(3) with time zone,
  	"tracking_number" varchar,
  	"carrier" varchar
  );
  
  CREATE TABLE "orders" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order_number" varchar NOT NULL,
  	"customer_id" integer NOT NULL,
  	"status" "enum_orders_status" DEFAULT 'pending' NOT NULL,
  	"payment_method" "enum_orders_payment_method" NOT NULL,
  	"payment_status" "enum_orders_payment_status" DEFAULT 'unpaid',
  	"subtotal" numeric NOT NULL,
  	"discount" numeric DEFAULT 0,
  	"tax_rate_percent" numeric DEFAULT 0,
  	"tax" numeric DEFAULT 0,
  	"shipping" numeric DEFAULT 0,
  	"total" numeric NOT NULL,
  	"currency" varchar DEFAULT 'USD',
  	"shipping_address_full_name" varchar,
  	"shipping_address_line1" varchar,
  	"shipping_address_line2" varchar,
  	"shipping_address_city" varchar,
  	"shipping_address_region" varchar,
  	"shipping_address_postal_code" varchar,
  	"shipping_address_country" varchar,
  	"shipping_address_phone" varchar,
  	"billing_address_full_name" varchar,
  	"billing_address_line1" varchar,
  	"billing_address_line2" varchar,
  	"billing_address_city" varchar,
  	"billing_address_region" varchar,
  	"billing_address_postal_code" varchar,
  	"billing_address_country" varchar,
  	"billing_address_phone" varchar,
  	"notes" varchar,
  	"expires_at" timestamp(3) with time zone,
  	"paid_at" timestamp(3) with time zone,
  	"shipped_at" timestamp(3) with time zone,
  	"delivered_at" timestamp(3) with time zone,
  	"cancelled_at" timestamp(3) with time zone,
  	"cancel_reason" varchar,
  	"stock_returned" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "orders_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payments_refunds" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"refund_id" varchar,
  	"amount" numeric,
  	"reason" varchar,
  	"at" timestamp(3) with time zone
  );
  
  CREATE TABLE "payments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"description" varchar,
  	"user_id" integer,
  	"provider" "enum_payments_provider" NOT NULL,
  	"intent_id" varchar,
  	"charge_id" varchar,
  	"amount" numeric NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"refunded_amount" numeric DEFAULT 0,
  	"status" "enum_payments_status" DEFAULT 'requires_payment' NOT NULL,
  	"target_type" "enum_payments_target_type",
  	"paid_at" timestamp(3) with time zone,
  	"refunded_at" timestamp(3) with time zone,
  	"failure_message" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payments_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"orders_id" integer,
  	"parking_bookings_id" integer,
  	"service_bookings_id" integer,
  	"subscriptions_id" integer
  );
  
  CREATE TABLE "plans_features" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"feature" varchar NOT NULL
  );
  
  CREATE TABLE "plans" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"description" varchar,
  	"price" numeric DEFAULT 0 NOT NULL,
  	"currency" varchar DEFAULT 'USD',
  	"billing_period" "enum_plans_billing_period" DEFAULT 'monthly' NOT NULL,
  	"max_listings" numeric,
  	"featured_listings" numeric DEFAULT 0,
  	"sort_order" numeric DEFAULT 0,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "subscriptions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"plan_id" integer NOT NULL,
  	"status" "enum_subscriptions_status" DEFAULT 'pending_payment' NOT NULL,
  	"start_date" timestamp(3) with time zone,
  	"end_date" timestamp(3) with time zone,
  	"auto_renew" boolean DEFAULT false,
  	"stripe_subscription_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "amenities" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"icon" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "amenities_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "parking_spots_opening_hours_days" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"day" "enum_parking_spots_opening_hours_days_day",
  	"open" varchar,
  	"close" varchar,
  	"all_day" boolean DEFAULT false
  );
  
  CREATE TABLE "parking_spots" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"owner_id" integer NOT NULL,
  	"name" varchar NOT NULL,
  	"address" varchar,
  	"city" varchar,
  	"latitude" numeric NOT NULL,
  	"longitude" numeric NOT NULL,
  	"timezone" varchar DEFAULT 'UTC',
  	"total_slots" numeric NOT NULL,
  	"price" numeric NOT NULL,
  	"price_type" "enum_parking_spots_price_type" DEFAULT 'hour' NOT NULL,
  	"opening_hours_always_open" boolean DEFAULT true,
  	"phone" varchar,
  	"active" boolean DEFAULT true,
  	"rating_average" numeric DEFAULT 0,
  	"rating_count" numeric DEFAULT 0,
  	"rating_distribution_one" numeric DEFAULT 0,
  	"rating_distribution_two" numeric DEFAULT 0,
  	"rating_distribution_three" numeric DEFAULT 0,
  	"rating_distribution_four" numeric DEFAULT 0,
  	"rating_distribution_five" numeric DEFAULT 0,
  	"rating_aspects_communication" numeric,
  	"rating_aspects_accuracy" numeric,
  	"rating_aspects_value" numeric,
  	"rating_aspects_shipping" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "parking_spots_locales" (
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "parking_spots_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer,
  	"amenities_id" integer
  );
  
  CREATE TABLE "availability_blocks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"spot_id" integer NOT NULL,
  	"start_time" timestamp(3) with time zone NOT NULL,
  	"end_time" timestamp(3) with time zone NOT NULL,
  	"type" "enum_availability_blocks_type" DEFAULT 'blocked' NOT NULL,
  	"slots_affected" numeric DEFAULT 1 NOT NULL,
  	"reason" varchar,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "parking_bookings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer,
  	"spot_id" integer NOT NULL,
  	"spot_owner_id" integer,
  	"vehicle_id" integer NOT NULL,
  	"start_time" timestamp(3) with time zone NOT NULL,
  	"end_time" timestamp(3) with time zone NOT NULL,
  	"status" "enum_parking_bookings_status" DEFAULT 'pending',
  	"total_cost" numeric,
  	"currency" varchar,
  	"unit_price" numeric,
  	"price_type" "enum_parking_bookings_price_type",
  	"qr_code" varchar,
  	"pin" varchar,
  	"payment_status" "enum_parking_bookings_payment_status" DEFAULT 'pay_on_site',
  	"refund_amount" numeric,
  	"cancellation_reason" "enum_parking_bookings_cancellation_reason",
  	"cancellation_note" varchar,
  	"cancelled_at" timestamp(3) with time zone,
  	"checked_in_at" timestamp(3) with time zone,
  	"checked_out_at" timestamp(3) with time zone,
  	"reminder_sent_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "services_availability_working_days" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_services_availability_working_days",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "services" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"category" "enum_services_category" NOT NULL,
  	"sub_category" varchar,
  	"duration_minutes" numeric DEFAULT 60 NOT NULL,
  	"base_price" numeric NOT NULL,
  	"currency" varchar DEFAULT 'EGP',
  	"availability_active" boolean DEFAULT true,
  	"availability_working_hours_start" varchar DEFAULT '09:00',
  	"availability_working_hours_end" varchar DEFAULT '21:00',
  	"availability_emergency_available" boolean DEFAULT false,
  	"requires_approval" boolean DEFAULT true,
  	"popular" boolean DEFAULT false,
  	"sort_order" numeric DEFAULT 0,
  	"rating_average" numeric DEFAULT 0,
  	"rating_count" numeric DEFAULT 0,
  	"rating_distribution_one" numeric DEFAULT 0,
  	"rating_distribution_two" numeric DEFAULT 0,
  	"rating_distribution_three" numeric DEFAULT 0,
  	"rating_distribution_four" numeric DEFAULT 0,
  	"rating_distribution_five" numeric DEFAULT 0,
  	"rating_aspects_communication" numeric,
  	"rating_aspects_accuracy" numeric,
  	"rating_aspects_value" numeric,
  	"rating_aspects_shipping" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "services_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"meta_title" varchar,
  	"meta_description" varchar,
  	"meta_image_id" integer,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "services_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "services_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "service_bookings_tracking_status_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"status" "enum_service_bookings_tracking_status_history_status" NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"actor_id" integer,
  	"actor_type" "enum_service_bookings_tracking_status_history_actor_type",
  	"note" varchar
  );
  
  CREATE TABLE "service_bookings_progress_stages" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"stage" varchar NOT NULL,
  	"status" "enum_service_bookings_progress_stages_status" DEFAULT 'pending',
  	"started_at" timestamp(3) with time zone,
  	"completed_at" timestamp(3) with time zone,
  	"notes" varchar,
  	"updated_by_id" integer
  );
  
  CREATE TABLE "service_bookings_blockers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"description" varchar NOT NULL,
  	"reported_at" timestamp(3) with time zone,
  	"resolved_at" timestamp(3) with time zone,
  	"reported_by_id" integer
  );
  
  CREATE TABLE "service_bookings_quality_checks" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item" varchar NOT NULL,
  	"passed" boolean DEFAULT false,
  	"checked_at" timestamp(3) with time zone,
  	"checked_by_id" integer,
  	"notes" varchar
  );
  
  CREATE TABLE "service_bookings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"booking_number" varchar,
  	"status" "enum_service_bookings_status" DEFAULT 'pending_approval' NOT NULL,
  	"customer_id" integer,
  	"guest_token_hash" varchar,
  	"service_id" integer NOT NULL,
  	"technician_id" integer,
  	"technician_user_id" integer,
  	"is_emergency" boolean DEFAULT false,
  	"urgency" "enum_service_bookings_urgency" DEFAULT 'normal',
  	"scheduled_at" timestamp(3) with time zone NOT NULL,
  	"duration_minutes" numeric,
  	"scheduled_end" timestamp(3) with time zone,
  	"location_address" varchar,
  	"location_city" varchar,
  	"location_governorate" "enum_service_bookings_location_governorate",
  	"location_notes" varchar,
  	"location_latitude" numeric,
  	"location_longitude" numeric,
  	"customer_info_name" varchar NOT NULL,
  	"customer_info_phone" varchar NOT NULL,
  	"customer_info_car_brand" varchar,
  	"customer_info_car_model" varchar,
  	"customer_info_car_year" numeric,
  	"customer_info_plate" varchar,
  	"customer_info_color" varchar,
  	"problem_description" varchar,
  	"pricing_base_price" numeric,
  	"pricing_discount" numeric DEFAULT 0,
  	"pricing_total" numeric,
  	"pricing_currency" varchar DEFAULT 'EGP',
  	"pricing_discount_reason" varchar,
  	"payment_status" "enum_service_bookings_payment_status" DEFAULT 'pending',
  	"tracking_technician_location_lat" numeric,
  	"tracking_technician_location_lng" numeric,
  	"tracking_technician_location_at" timestamp(3) with time zone,
  	"tracking_eta" timestamp(3) with time zone,
  	"tracking_eta_minutes" numeric,
  	"tracking_distance_km" numeric,
  	"tracking_assigned_at" timestamp(3) with time zone,
  	"tracking_departed_at" timestamp(3) with time zone,
  	"tracking_arrived_at" timestamp(3) with time zone,
  	"tracking_completed_at" timestamp(3) with time zone,
  	"feedback_rating" numeric,
  	"feedback_at" timestamp(3) with time zone,
  	"feedback_comment" varchar,
  	"cancellation_reason" varchar,
  	"rejection_reason" varchar,
  	"admin_notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "service_bookings_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"meta" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"login_events_id" integer,
  	"dealers_id" integer,
  	"technicians_id" integer,
  	"vehicles_id" integer,
  	"expert_verifications_id" integer,
  	"media_id" integer,
  	"makes_id" integer,
  	"models_id" integer,
  	"features_id" integer,
  	"cars_id" integer,
  	"parts_id" integer,
  	"part_categories_id" integer,
  	"part_brands_id" integer,
  	"wishlists_id" integer,
  	"saved_searches_id" integer,
  	"comparisons_id" integer,
  	"posts_id" integer,
  	"categories_id" integer,
  	"tags_id" integer,
  	"comments_id" integer,
  	"testimonials_id" integer,
  	"partners_id" integer,
  	"reviews_id" integer,
  	"votes_id" integer,
  	"forum_categories_id" integer,
  	"forum_threads_id" integer,
  	"forum_responses_id" integer,
  	"conversations_id" integer,
  	"messages_id" integer,
  	"contact_submissions_id" integer,
  	"notifications_id" integer,
  	"negotiations_id" integer,
  	"loan_calculations_id" integer,
  	"financial_products_id" integer,
  	"carts_id" integer,
  	"orders_id" integer,
  	"payments_id" integer,
  	"plans_id" integer,
  	"subscriptions_id" integer,
  	"amenities_id" integer,
  	"parking_spots_id" integer,
  	"availability_blocks_id" integer,
  	"parking_bookings_id" integer,
  	"services_id" integer,
  	"service_bookings_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "site_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"contact_email" varchar DEFAULT 'contact@autohub.local',
  	"contact_phone" varchar,
  	"social_facebook" varchar,
  	"social_twitter" varchar,
  	"social_instagram" varchar,
  	"social_youtube" varchar,
  	"social_linkedin" varchar,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"default_loan_apr" numeric DEFAULT 6.5 NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "site_settings_locales" (
  	"site_name" varchar DEFAULT 'AutoHub' NOT NULL,
  	"tagline" varchar,
  	"contact_address" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "platform_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"listing_moderation" boolean DEFAULT true,
  	"offer_ttl_hours" numeric DEFAULT 48 NOT NULL,
  	"max_page_size" numeric DEFAULT 100 NOT NULL,
  	"cancellation_policy_full_refund_hours_before" numeric DEFAULT 24 NOT NULL,
  	"cancellation_policy_late_refund_percent" numeric DEFAULT 50 NOT NULL,
  	"check_in_grace_minutes" numeric DEFAULT 15 NOT NULL,
  	"tax_rate_percent" numeric DEFAULT 0 NOT NULL,
  	"flat_shipping" numeric DEFAULT 10 NOT NULL,
  	"free_shipping_threshold" numeric DEFAULT 200 NOT NULL,
  	"unpaid_order_ttl_minutes" numeric DEFAULT 30 NOT NULL,
  	"comment_moderation" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_notification_preferences_muted_types" ADD CONSTRAINT "users_notification_preferences_muted_types_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_avatar_id_media_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "login_events" ADD CONSTRAINT "login_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dealers_documents" ADD CONSTRAINT "dealers_documents_file_id_media_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dealers_documents" ADD CONSTRAINT "dealers_documents_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."dealers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "dealers" ADD CONSTRAINT "dealers_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dealers" ADD CONSTRAINT "dealers_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dealers" ADD CONSTRAINT "dealers_banner_id_media_id_fk" FOREIGN KEY ("banner_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "technicians_specializations" ADD CONSTRAINT "technicians_specializations_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."technicians"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "technicians_working_areas" ADD CONSTRAINT "technicians_working_areas_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."technicians"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "technicians" ADD CONSTRAINT "technicians_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "expert_verifications_expertise_areas" ADD CONSTRAINT "expert_verifications_expertise_areas_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."expert_verifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "expert_verifications" ADD CONSTRAINT "expert_verifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "expert_verifications" ADD CONSTRAINT "expert_verifications_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "expert_verifications_rels" ADD CONSTRAINT "expert_verifications_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."expert_verifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "expert_verifications_rels" ADD CONSTRAINT "expert_verifications_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media_locales" ADD CONSTRAINT "media_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "makes" ADD CONSTRAINT "makes_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "models" ADD CONSTRAINT "models_make_id_makes_id_fk" FOREIGN KEY ("make_id") REFERENCES "public"."makes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "features_locales" ADD CONSTRAINT "features_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cars_videos" ADD CONSTRAINT "cars_videos_file_id_media_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cars_videos" ADD CONSTRAINT "cars_videos_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."cars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cars_specifications_service_history" ADD CONSTRAINT "cars_specifications_service_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."cars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cars_price_history" ADD CONSTRAINT "cars_price_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."cars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cars" ADD CONSTRAINT "cars_make_id_makes_id_fk" FOREIGN KEY ("make_id") REFERENCES "public"."makes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cars" ADD CONSTRAINT "cars_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cars" ADD CONSTRAINT "cars_primary_image_id_media_id_fk" FOREIGN KEY ("primary_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cars" ADD CONSTRAINT "cars_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cars" ADD CONSTRAINT "cars_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cars_locales" ADD CONSTRAINT "cars_locales_meta_image_id_media_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cars_locales" ADD CONSTRAINT "cars_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."cars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cars_rels" ADD CONSTRAINT "cars_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."cars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cars_rels" ADD CONSTRAINT "cars_rels_features_fk" FOREIGN KEY ("features_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cars_rels" ADD CONSTRAINT "cars_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "parts_compatibility" ADD CONSTRAINT "parts_compatibility_make_id_makes_id_fk" FOREIGN KEY ("make_id") REFERENCES "public"."makes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "parts_compatibility" ADD CONSTRAINT "parts_compatibility_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "parts_compatibility" ADD CONSTRAINT "parts_compatibility_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "parts_specifications" ADD CONSTRAINT "parts_specifications_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "parts" ADD CONSTRAINT "parts_category_id_part_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."part_categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "parts" ADD CONSTRAINT "parts_brand_id_part_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."part_brands"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "parts" ADD CONSTRAINT "parts_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "parts" ADD CONSTRAINT "parts_store_id_dealers_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."dealers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "parts_locales" ADD CONSTRAINT "parts_locales_meta_image_id_media_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "parts_locales" ADD CONSTRAINT "parts_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "parts_rels" ADD CONSTRAINT "parts_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "parts_rels" ADD CONSTRAINT "parts_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "part_categories_breadcrumbs" ADD CONSTRAINT "part_categories_breadcrumbs_category_id_part_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."part_categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "part_categories_breadcrumbs" ADD CONSTRAINT "part_categories_breadcrumbs_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."part_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "part_categories" ADD CONSTRAINT "part_categories_parent_id_part_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."part_categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "part_categories" ADD CONSTRAINT "part_categories_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "part_brands" ADD CONSTRAINT "part_brands_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "favorites" ADD CONSTRAINT "favorites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "favorites_rels" ADD CONSTRAINT "favorites_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."favorites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "favorites_rels" ADD CONSTRAINT "favorites_rels_cars_fk" FOREIGN KEY ("cars_id") REFERENCES "public"."cars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "favorites_rels" ADD CONSTRAINT "favorites_rels_parts_fk" FOREIGN KEY ("parts_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "wishlists" ADD CONSTRAINT "wishlists_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "wishlists_rels" ADD CONSTRAINT "wishlists_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."wishlists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "wishlists_rels" ADD CONSTRAINT "wishlists_rels_cars_fk" FOREIGN KEY ("cars_id") REFERENCES "public"."cars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "wishlists_rels" ADD CONSTRAINT "wishlists_rels_parts_fk" FOREIGN KEY ("parts_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "search_queries" ADD CONSTRAINT "search_queries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "listing_views" ADD CONSTRAINT "listing_views_car_id_cars_id_fk" FOREIGN KEY ("car_id") REFERENCES "public"."cars"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "listing_views" ADD CONSTRAINT "listing_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comparisons" ADD CONSTRAINT "comparisons_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comparisons_rels" ADD CONSTRAINT "comparisons_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comparisons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comparisons_rels" ADD CONSTRAINT "comparisons_rels_cars_fk" FOREIGN KEY ("cars_id") REFERENCES "public"."cars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "posts" ADD CONSTRAINT "posts_featured_image_id_media_id_fk" FOREIGN KEY ("featured_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "posts_locales" ADD CONSTRAINT "posts_locales_meta_image_id_media_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "posts_locales" ADD CONSTRAINT "posts_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "posts_rels" ADD CONSTRAINT "posts_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "posts_rels" ADD CONSTRAINT "posts_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "posts_rels" ADD CONSTRAINT "posts_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "posts_rels" ADD CONSTRAINT "posts_rels_tags_fk" FOREIGN KEY ("tags_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_posts_v" ADD CONSTRAINT "_posts_v_parent_id_posts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_posts_v" ADD CONSTRAINT "_posts_v_version_featured_image_id_media_id_fk" FOREIGN KEY ("version_featured_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_posts_v_locales" ADD CONSTRAINT "_posts_v_locales_version_meta_image_id_media_id_fk" FOREIGN KEY ("version_meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_posts_v_locales" ADD CONSTRAINT "_posts_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_posts_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_posts_v_rels" ADD CONSTRAINT "_posts_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_posts_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_posts_v_rels" ADD CONSTRAINT "_posts_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_posts_v_rels" ADD CONSTRAINT "_posts_v_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_posts_v_rels" ADD CONSTRAINT "_posts_v_rels_tags_fk" FOREIGN KEY ("tags_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "categories_locales" ADD CONSTRAINT "categories_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments_rels" ADD CONSTRAINT "comments_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments_rels" ADD CONSTRAINT "comments_rels_posts_fk" FOREIGN KEY ("posts_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments_rels" ADD CONSTRAINT "comments_rels_cars_fk" FOREIGN KEY ("cars_id") REFERENCES "public"."cars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments_rels" ADD CONSTRAINT "comments_rels_parts_fk" FOREIGN KEY ("parts_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "testimonials" ADD CONSTRAINT "testimonials_avatar_id_media_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "testimonials_locales" ADD CONSTRAINT "testimonials_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."testimonials"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "partners" ADD CONSTRAINT "partners_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews_reports" ADD CONSTRAINT "reviews_reports_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews_reports" ADD CONSTRAINT "reviews_reports_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_target_owner_id_users_id_fk" FOREIGN KEY ("target_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews_rels" ADD CONSTRAINT "reviews_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews_rels" ADD CONSTRAINT "reviews_rels_cars_fk" FOREIGN KEY ("cars_id") REFERENCES "public"."cars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews_rels" ADD CONSTRAINT "reviews_rels_parts_fk" FOREIGN KEY ("parts_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews_rels" ADD CONSTRAINT "reviews_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews_rels" ADD CONSTRAINT "reviews_rels_parking_spots_fk" FOREIGN KEY ("parking_spots_id") REFERENCES "public"."parking_spots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews_rels" ADD CONSTRAINT "reviews_rels_services_fk" FOREIGN KEY ("services_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews_rels" ADD CONSTRAINT "reviews_rels_technicians_fk" FOREIGN KEY ("technicians_id") REFERENCES "public"."technicians"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews_rels" ADD CONSTRAINT "reviews_rels_parking_bookings_fk" FOREIGN KEY ("parking_bookings_id") REFERENCES "public"."parking_bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews_rels" ADD CONSTRAINT "reviews_rels_service_bookings_fk" FOREIGN KEY ("service_bookings_id") REFERENCES "public"."service_bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews_rels" ADD CONSTRAINT "reviews_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "votes" ADD CONSTRAINT "votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "votes_rels" ADD CONSTRAINT "votes_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "votes_rels" ADD CONSTRAINT "votes_rels_reviews_fk" FOREIGN KEY ("reviews_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "votes_rels" ADD CONSTRAINT "votes_rels_forum_responses_fk" FOREIGN KEY ("forum_responses_id") REFERENCES "public"."forum_responses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "votes_rels" ADD CONSTRAINT "votes_rels_comments_fk" FOREIGN KEY ("comments_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "forum_categories_locales" ADD CONSTRAINT "forum_categories_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."forum_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_category_id_forum_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."forum_categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_car_make_id_makes_id_fk" FOREIGN KEY ("car_make_id") REFERENCES "public"."makes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_car_model_id_models_id_fk" FOREIGN KEY ("car_model_id") REFERENCES "public"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_accepted_response_id_forum_responses_id_fk" FOREIGN KEY ("accepted_response_id") REFERENCES "public"."forum_responses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forum_responses_flags" ADD CONSTRAINT "forum_responses_flags_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forum_responses_flags" ADD CONSTRAINT "forum_responses_flags_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."forum_responses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "forum_responses" ADD CONSTRAINT "forum_responses_thread_id_forum_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forum_responses" ADD CONSTRAINT "forum_responses_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "conversations_unread" ADD CONSTRAINT "conversations_unread_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "conversations_unread" ADD CONSTRAINT "conversations_unread_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "conversations" ADD CONSTRAINT "conversations_initiator_id_users_id_fk" FOREIGN KEY ("initiator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "conversations" ADD CONSTRAINT "conversations_last_message_by_id_users_id_fk" FOREIGN KEY ("last_message_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "conversations_rels" ADD CONSTRAINT "conversations_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "conversations_rels" ADD CONSTRAINT "conversations_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "conversations_rels" ADD CONSTRAINT "conversations_rels_cars_fk" FOREIGN KEY ("cars_id") REFERENCES "public"."cars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "conversations_rels" ADD CONSTRAINT "conversations_rels_parts_fk" FOREIGN KEY ("parts_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "messages" ADD CONSTRAINT "messages_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "messages_rels" ADD CONSTRAINT "messages_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "messages_rels" ADD CONSTRAINT "messages_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications_locales" ADD CONSTRAINT "notifications_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "negotiations_offers" ADD CONSTRAINT "negotiations_offers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."negotiations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "negotiations" ADD CONSTRAINT "negotiations_car_id_cars_id_fk" FOREIGN KEY ("car_id") REFERENCES "public"."cars"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "negotiations" ADD CONSTRAINT "negotiations_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "negotiations" ADD CONSTRAINT "negotiations_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loan_calculations" ADD CONSTRAINT "loan_calculations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loan_calculations" ADD CONSTRAINT "loan_calculations_car_id_cars_id_fk" FOREIGN KEY ("car_id") REFERENCES "public"."cars"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "financial_products_apr_by_credit_band" ADD CONSTRAINT "financial_products_apr_by_credit_band_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."financial_products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "financial_products_locales" ADD CONSTRAINT "financial_products_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."financial_products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "financial_products_numbers" ADD CONSTRAINT "financial_products_numbers_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."financial_products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "carts_items" ADD CONSTRAINT "carts_items_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "carts_items" ADD CONSTRAINT "carts_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."carts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "carts" ADD CONSTRAINT "carts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders_items" ADD CONSTRAINT "orders_items_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders_items" ADD CONSTRAINT "orders_items_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders_items" ADD CONSTRAINT "orders_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders_rels" ADD CONSTRAINT "orders_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "orders_rels" ADD CONSTRAINT "orders_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payments_refunds" ADD CONSTRAINT "payments_refunds_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments_rels" ADD CONSTRAINT "payments_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payments_rels" ADD CONSTRAINT "payments_rels_orders_fk" FOREIGN KEY ("orders_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payments_rels" ADD CONSTRAINT "payments_rels_parking_bookings_fk" FOREIGN KEY ("parking_bookings_id") REFERENCES "public"."parking_bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payments_rels" ADD CONSTRAINT "payments_rels_service_bookings_fk" FOREIGN KEY ("service_bookings_id") REFERENCES "public"."service_bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payments_rels" ADD CONSTRAINT "payments_rels_subscriptions_fk" FOREIGN KEY ("subscriptions_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plans_features" ADD CONSTRAINT "plans_features_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "amenities_locales" ADD CONSTRAINT "amenities_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."amenities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "parking_spots_opening_hours_days" ADD CONSTRAINT "parking_spots_opening_hours_days_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."parking_spots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "parking_spots" ADD CONSTRAINT "parking_spots_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "parking_spots_locales" ADD CONSTRAINT "parking_spots_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."parking_spots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "parking_spots_rels" ADD CONSTRAINT "parking_spots_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."parking_spots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "parking_spots_rels" ADD CONSTRAINT "parking_spots_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "parking_spots_rels" ADD CONSTRAINT "parking_spots_rels_amenities_fk" FOREIGN KEY ("amenities_id") REFERENCES "public"."amenities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "availability_blocks" ADD CONSTRAINT "availability_blocks_spot_id_parking_spots_id_fk" FOREIGN KEY ("spot_id") REFERENCES "public"."parking_spots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "availability_blocks" ADD CONSTRAINT "availability_blocks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "parking_bookings" ADD CONSTRAINT "parking_bookings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "parking_bookings" ADD CONSTRAINT "parking_bookings_spot_id_parking_spots_id_fk" FOREIGN KEY ("spot_id") REFERENCES "public"."parking_spots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "parking_bookings" ADD CONSTRAINT "parking_bookings_spot_owner_id_users_id_fk" FOREIGN KEY ("spot_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "parking_bookings" ADD CONSTRAINT "parking_bookings_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "services_availability_working_days" ADD CONSTRAINT "services_availability_working_days_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_locales" ADD CONSTRAINT "services_locales_meta_image_id_media_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "services_locales" ADD CONSTRAINT "services_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_texts" ADD CONSTRAINT "services_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_rels" ADD CONSTRAINT "services_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_rels" ADD CONSTRAINT "services_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_bookings_tracking_status_history" ADD CONSTRAINT "service_bookings_tracking_status_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_bookings_tracking_status_history" ADD CONSTRAINT "service_bookings_tracking_status_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."service_bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_bookings_progress_stages" ADD CONSTRAINT "service_bookings_progress_stages_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_bookings_progress_stages" ADD CONSTRAINT "service_bookings_progress_stages_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."service_bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_bookings_blockers" ADD CONSTRAINT "service_bookings_blockers_reported_by_id_users_id_fk" FOREIGN KEY ("reported_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_bookings_blockers" ADD CONSTRAINT "service_bookings_blockers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."service_bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_bookings_quality_checks" ADD CONSTRAINT "service_bookings_quality_checks_checked_by_id_users_id_fk" FOREIGN KEY ("checked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_bookings_quality_checks" ADD CONSTRAINT "service_bookings_quality_checks_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."service_bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_bookings" ADD CONSTRAINT "service_bookings_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_bookings" ADD CONSTRAINT "service_bookings_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_bookings" ADD CONSTRAINT "service_bookings_technician_id_technicians_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."technicians"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_bookings" ADD CONSTRAINT "service_bookings_technician_user_id_users_id_fk" FOREIGN KEY ("technician_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_bookings_rels" ADD CONSTRAINT "service_bookings_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."service_bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_bookings_rels" ADD CONSTRAINT "service_bookings_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_login_events_fk" FOREIGN KEY ("login_events_id") REFERENCES "public"."login_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_dealers_fk" FOREIGN KEY ("dealers_id") REFERENCES "public"."dealers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_technicians_fk" FOREIGN KEY ("technicians_id") REFERENCES "public"."technicians"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_vehicles_fk" FOREIGN KEY ("vehicles_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_expert_verifications_fk" FOREIGN KEY ("expert_verifications_id") REFERENCES "public"."expert_verifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_makes_fk" FOREIGN KEY ("makes_id") REFERENCES "public"."makes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_models_fk" FOREIGN KEY ("models_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_features_fk" FOREIGN KEY ("features_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_cars_fk" FOREIGN KEY ("cars_id") REFERENCES "public"."cars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parts_fk" FOREIGN KEY ("parts_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_part_categories_fk" FOREIGN KEY ("part_categories_id") REFERENCES "public"."part_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_part_brands_fk" FOREIGN KEY ("part_brands_id") REFERENCES "public"."part_brands"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_wishlists_fk" FOREIGN KEY ("wishlists_id") REFERENCES "public"."wishlists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_saved_searches_fk" FOREIGN KEY ("saved_searches_id") REFERENCES "public"."saved_searches"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comparisons_fk" FOREIGN KEY ("comparisons_id") REFERENCES "public"."comparisons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_posts_fk" FOREIGN KEY ("posts_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tags_fk" FOREIGN KEY ("tags_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comments_fk" FOREIGN KEY ("comments_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_testimonials_fk" FOREIGN KEY ("testimonials_id") REFERENCES "public"."testimonials"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_partners_fk" FOREIGN KEY ("partners_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reviews_fk" FOREIGN KEY ("reviews_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_votes_fk" FOREIGN KEY ("votes_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_forum_categories_fk" FOREIGN KEY ("forum_categories_id") REFERENCES "public"."forum_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_forum_threads_fk" FOREIGN KEY ("forum_threads_id") REFERENCES "public"."forum_threads"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_forum_responses_fk" FOREIGN KEY ("forum_responses_id") REFERENCES "public"."forum_responses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_conversations_fk" FOREIGN KEY ("conversations_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_messages_fk" FOREIGN KEY ("messages_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_contact_submissions_fk" FOREIGN KEY ("contact_submissions_id") REFERENCES "public"."contact_submissions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_negotiations_fk" FOREIGN KEY ("negotiations_id") REFERENCES "public"."negotiations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loan_calculations_fk" FOREIGN KEY ("loan_calculations_id") REFERENCES "public"."loan_calculations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_financial_products_fk" FOREIGN KEY ("financial_products_id") REFERENCES "public"."financial_products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_carts_fk" FOREIGN KEY ("carts_id") REFERENCES "public"."carts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_orders_fk" FOREIGN KEY ("orders_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_payments_fk" FOREIGN KEY ("payments_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_plans_fk" FOREIGN KEY ("plans_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subscriptions_fk" FOREIGN KEY ("subscriptions_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_amenities_fk" FOREIGN KEY ("amenities_id") REFERENCES "public"."amenities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parking_spots_fk" FOREIGN KEY ("parking_spots_id") REFERENCES "public"."parking_spots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_availability_blocks_fk" FOREIGN KEY ("availability_blocks_id") REFERENCES "public"."availability_blocks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parking_bookings_fk" FOREIGN KEY ("parking_bookings_id") REFERENCES "public"."parking_bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_services_fk" FOREIGN KEY ("services_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_service_bookings_fk" FOREIGN KEY ("service_bookings_id") REFERENCES "public"."service_bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "site_settings_locales" ADD CONSTRAINT "site_settings_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."site_settings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_roles_value_idx" ON "users_roles" USING btree ("value");
  CREATE INDEX "users_notification_preferences_muted_types_order_idx" ON "users_notification_preferences_muted_types" USING btree ("order");
  CREATE INDEX "users_notification_preferences_muted_types_parent_idx" ON "users_notification_preferences_muted_types" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_status_idx" ON "users" USING btree ("status");
  CREATE INDEX "users_avatar_idx" ON "users" USING btree ("avatar_id");
  CREATE INDEX "users_rating_rating_average_idx" ON "users" USING btree ("rating_average");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "login_events_user_idx" ON "login_events" USING btree ("user_id");
  CREATE INDEX "login_events_at_idx" ON "login_events" USING btree ("at");
  CREATE INDEX "login_events_updated_at_idx" ON "login_events" USING btree ("updated_at");
  CREATE INDEX "login_events_created_at_idx" ON "login_events" USING btree ("created_at");
  CREATE INDEX "dealers_documents_order_idx" ON "dealers_documents" USING btree ("_order");
  CREATE INDEX "dealers_documents_parent_id_idx" ON "dealers_documents" USING btree ("_parent_id");
  CREATE INDEX "dealers_documents_file_idx" ON "dealers_documents" USING btree ("file_id");
  CREATE UNIQUE INDEX "dealers_slug_idx" ON "dealers" USING btree ("slug");
  CREATE UNIQUE INDEX "dealers_owner_idx" ON "dealers" USING btree ("owner_id");
  CREATE INDEX "dealers_logo_idx" ON "dealers" USING btree ("logo_id");
  CREATE INDEX "dealers_banner_idx" ON "dealers" USING btree ("banner_id");
  CREATE INDEX "dealers_location_location_city_idx" ON "dealers" USING btree ("location_city");
  CREATE INDEX "dealers_verification_status_idx" ON "dealers" USING btree ("verification_status");
  CREATE INDEX "dealers_updated_at_idx" ON "dealers" USING btree ("updated_at");
  CREATE INDEX "dealers_created_at_idx" ON "dealers" USING btree ("created_at");
  CREATE INDEX "technicians_specializations_order_idx" ON "technicians_specializations" USING btree ("order");
  CREATE INDEX "technicians_specializations_parent_idx" ON "technicians_specializations" USING btree ("parent_id");
  CREATE INDEX "technicians_working_areas_order_idx" ON "technicians_working_areas" USING btree ("order");
  CREATE INDEX "technicians_working_areas_parent_idx" ON "technicians_working_areas" USING btree ("parent_id");
  CREATE UNIQUE INDEX "technicians_user_idx" ON "technicians" USING btree ("user_id");
  CREATE INDEX "technicians_status_idx" ON "technicians" USING btree ("status");
  CREATE INDEX "technicians_rating_rating_average_idx" ON "technicians" USING btree ("rating_average");
  CREATE INDEX "technicians_performance_performance_completed_jobs_idx" ON "technicians" USING btree ("performance_completed_jobs");
  CREATE INDEX "technicians_updated_at_idx" ON "technicians" USING btree ("updated_at");
  CREATE INDEX "technicians_created_at_idx" ON "technicians" USING btree ("created_at");
  CREATE INDEX "vehicles_owner_idx" ON "vehicles" USING btree ("owner_id");
  CREATE INDEX "vehicles_license_plate_idx" ON "vehicles" USING btree ("license_plate");
  CREATE INDEX "vehicles_is_default_idx" ON "vehicles" USING btree ("is_default");
  CREATE INDEX "vehicles_updated_at_idx" ON "vehicles" USING btree ("updated_at");
  CREATE INDEX "vehicles_created_at_idx" ON "vehicles" USING btree ("created_at");
  CREATE UNIQUE INDEX "owner_licensePlate_idx" ON "vehicles" USING btree ("owner_id","license_plate");
  CREATE INDEX "expert_verifications_expertise_areas_order_idx" ON "expert_verifications_expertise_areas" USING btree ("order");
  CREATE INDEX "expert_verifications_expertise_areas_parent_idx" ON "expert_verifications_expertise_areas" USING btree ("parent_id");
  CREATE INDEX "expert_verifications_user_idx" ON "expert_verifications" USING btree ("user_id");
  CREATE INDEX "expert_verifications_status_idx" ON "expert_verifications" USING btree ("status");
  CREATE INDEX "expert_verifications_reviewed_by_idx" ON "expert_verifications" USING btree ("reviewed_by_id");
  CREATE INDEX "expert_verifications_updated_at_idx" ON "expert_verifications" USING btree ("updated_at");
  CREATE INDEX "expert_verifications_created_at_idx" ON "expert_verifications" USING btree ("created_at");
  CREATE INDEX "expert_verifications_rels_order_idx" ON "expert_verifications_rels" USING btree ("order");
  CREATE INDEX "expert_verifications_rels_parent_idx" ON "expert_verifications_rels" USING btree ("parent_id");
  CREATE INDEX "expert_verifications_rels_path_idx" ON "expert_verifications_rels" USING btree ("path");
  CREATE INDEX "expert_verifications_rels_media_id_idx" ON "expert_verifications_rels" USING btree ("media_id");
  CREATE INDEX "media_uploaded_by_idx" ON "media" USING btree ("uploaded_by_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_medium_sizes_medium_filename_idx" ON "media" USING btree ("sizes_medium_filename");
  CREATE INDEX "media_sizes_large_sizes_large_filename_idx" ON "media" USING btree ("sizes_large_filename");
  CREATE UNIQUE INDEX "media_locales_locale_parent_id_unique" ON "media_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "makes_name_idx" ON "makes" USING btree ("name");
  CREATE UNIQUE INDEX "makes_slug_idx" ON "makes" USING btree ("slug");
  CREATE INDEX "makes_logo_idx" ON "makes" USING btree ("logo_id");
  CREATE INDEX "makes_active_idx" ON "makes" USING btree ("active");
  CREATE INDEX "makes_updated_at_idx" ON "makes" USING btree ("updated_at");
  CREATE INDEX "makes_created_at_idx" ON "makes" USING btree ("created_at");
  CREATE UNIQUE INDEX "models_slug_idx" ON "models" USING btree ("slug");
  CREATE INDEX "models_make_idx" ON "models" USING btree ("make_id");
  CREATE INDEX "models_updated_at_idx" ON "models" USING btree ("updated_at");
  CREATE INDEX "models_created_at_idx" ON "models" USING btree ("created_at");
  CREATE UNIQUE INDEX "make_name_idx" ON "models" USING btree ("make_id","name");
  CREATE UNIQUE INDEX "features_slug_idx" ON "features" USING btree ("slug");
  CREATE INDEX "features_category_idx" ON "features" USING btree ("category");
  CREATE INDEX "features_updated_at_idx" ON "features" USING btree ("updated_at");
  CREATE INDEX "features_created_at_idx" ON "features" USING btree ("created_at");
  CREATE UNIQUE INDEX "features_locales_locale_parent_id_unique" ON "features_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "cars_videos_order_idx" ON "cars_videos" USING btree ("_order");
  CREATE INDEX "cars_videos_parent_id_idx" ON "cars_videos" USING btree ("_parent_id");
  CREATE INDEX "cars_videos_file_idx" ON "cars_videos" USING btree ("file_id");
  CREATE INDEX "cars_specifications_service_history_order_idx" ON "cars_specifications_service_history" USING btree ("_order");
  CREATE INDEX "cars_specifications_service_history_parent_id_idx" ON "cars_specifications_service_history" USING btree ("_parent_id");
  CREATE INDEX "cars_price_history_order_idx" ON "cars_price_history" USING btree ("_order");
  CREATE INDEX "cars_price_history_parent_id_idx" ON "cars_price_history" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "cars_slug_idx" ON "cars" USING btree ("slug");
  CREATE INDEX "cars_make_idx" ON "cars" USING btree ("make_id");
  CREATE INDEX "cars_model_idx" ON "cars" USING btree ("model_id");
  CREATE INDEX "cars_year_idx" ON "cars" USING btree ("year");
  CREATE INDEX "cars_condition_idx" ON "cars" USING btree ("condition");
  CREATE INDEX "cars_price_idx" ON "cars" USING btree ("price");
  CREATE INDEX "cars_mileage_idx" ON "cars" USING btree ("mileage");
  CREATE INDEX "cars_fuel_type_idx" ON "cars" USING btree ("fuel_type");
  CREATE INDEX "cars_transmission_idx" ON "cars" USING btree ("transmission");
  CREATE INDEX "cars_drive_type_idx" ON "cars" USING btree ("drive_type");
  CREATE INDEX "cars_body_type_idx" ON "cars" USING btree ("body_type");
  CREATE UNIQUE INDEX "cars_vin_idx" ON "cars" USING btree ("vin");
  CREATE INDEX "cars_primary_image_idx" ON "cars" USING btree ("primary_image_id");
  CREATE INDEX "cars_status_idx" ON "cars" USING btree ("status");
  CREATE INDEX "cars_published_at_idx" ON "cars" USING btree ("published_at");
  CREATE INDEX "cars_featured_idx" ON "cars" USING btree ("featured");
  CREATE INDEX "cars_featured_until_idx" ON "cars" USING btree ("featured_until");
  CREATE INDEX "cars_location_location_city_idx" ON "cars" USING btree ("location_city");
  CREATE INDEX "cars_location_location_region_idx" ON "cars" USING btree ("location_region");
  CREATE INDEX "cars_location_location_country_idx" ON "cars" USING btree ("location_country");
  CREATE INDEX "cars_views_count_idx" ON "cars" USING btree ("views_count");
  CREATE INDEX "cars_favorites_count_idx" ON "cars" USING btree ("favorites_count");
  CREATE INDEX "cars_negotiable_idx" ON "cars" USING btree ("negotiable");
  CREATE INDEX "cars_seller_idx" ON "cars" USING btree ("seller_id");
  CREATE INDEX "cars_dealer_idx" ON "cars" USING btree ("dealer_id");
  CREATE INDEX "cars_rating_rating_average_idx" ON "cars" USING btree ("rating_average");
  CREATE INDEX "cars_updated_at_idx" ON "cars" USING btree ("updated_at");
  CREATE INDEX "cars_created_at_idx" ON "cars" USING btree ("created_at");
  CREATE INDEX "cars_meta_meta_image_idx" ON "cars_locales" USING btree ("meta_image_id","_locale");
  CREATE UNIQUE INDEX "cars_locales_locale_parent_id_unique" ON "cars_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "cars_rels_order_idx" ON "cars_rels" USING btree ("order");
  CREATE INDEX "cars_rels_parent_idx" ON "cars_rels" USING btree ("parent_id");
  CREATE INDEX "cars_rels_path_idx" ON "cars_rels" USING btree ("path");
  CREATE INDEX "cars_rels_features_id_idx" ON "cars_rels" USING btree ("features_id");
  CREATE INDEX "cars_rels_media_id_idx" ON "cars_rels" USING btree ("media_id");
  CREATE INDEX "parts_compatibility_order_idx" ON "parts_compatibility" USING btree ("_order");
  CREATE INDEX "parts_compatibility_parent_id_idx" ON "parts_compatibility" USING btree ("_parent_id");
  CREATE INDEX "parts_compatibility_make_idx" ON "parts_compatibility" USING btree ("make_id");
  CREATE INDEX "parts_compatibility_model_idx" ON "parts_compatibility" USING btree ("model_id");
  CREATE INDEX "parts_specifications_order_idx" ON "parts_specifications" USING btree ("_order");
  CREATE INDEX "parts_specifications_parent_id_idx" ON "parts_specifications" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "parts_slug_idx" ON "parts" USING btree ("slug");
  CREATE INDEX "parts_category_idx" ON "parts" USING btree ("category_id");
  CREATE INDEX "parts_brand_idx" ON "parts" USING btree ("brand_id");
  CREATE UNIQUE INDEX "parts_sku_idx" ON "parts" USING btree ("sku");
  CREATE INDEX "parts_price_idx" ON "parts" USING btree ("price");
  CREATE INDEX "parts_condition_idx" ON "parts" USING btree ("condition");
  CREATE INDEX "parts_stock_status_idx" ON "parts" USING btree ("stock_status");
  CREATE INDEX "parts_status_idx" ON "parts" USING btree ("status");
  CREATE INDEX "parts_featured_idx" ON "parts" USING btree ("featured");
  CREATE INDEX "parts_seller_idx" ON "parts" USING btree ("seller_id");
  CREATE INDEX "parts_store_idx" ON "parts" USING btree ("store_id");
  CREATE INDEX "parts_rating_rating_average_idx" ON "parts" USING btree ("rating_average");
  CREATE INDEX "parts_updated_at_idx" ON "parts" USING btree ("updated_at");
  CREATE INDEX "parts_created_at_idx" ON "parts" USING btree ("created_at");
  CREATE INDEX "parts_meta_meta_image_idx" ON "parts_locales" USING btree ("meta_image_id","_locale");
  CREATE UNIQUE INDEX "parts_locales_locale_parent_id_unique" ON "parts_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "parts_rels_order_idx" ON "parts_rels" USING btree ("order");
  CREATE INDEX "parts_rels_parent_idx" ON "parts_rels" USING btree ("parent_id");
  CREATE INDEX "parts_rels_path_idx" ON "parts_rels" USING btree ("path");
  CREATE INDEX "parts_rels_media_id_idx" ON "parts_rels" USING btree ("media_id");
  CREATE INDEX "part_categories_breadcrumbs_order_idx" ON "part_categories_breadcrumbs" USING btree ("_order");
  CREATE INDEX "part_categories_breadcrumbs_parent_id_idx" ON "part_categories_breadcrumbs" USING btree ("_parent_id");
  CREATE INDEX "part_categories_breadcrumbs_category_idx" ON "part_categories_breadcrumbs" USING btree ("category_id");
  CREATE UNIQUE INDEX "part_categories_slug_idx" ON "part_categories" USING btree ("slug");
  CREATE INDEX "part_categories_parent_idx" ON "part_categories" USING btree ("parent_id");
  CREATE INDEX "part_categories_image_idx" ON "part_categories" USING btree ("image_id");
  CREATE INDEX "part_categories_path_idx" ON "part_categories" USING btree ("path");
  CREATE INDEX "part_categories_updated_at_idx" ON "part_categories" USING btree ("updated_at");
  CREATE INDEX "part_categories_created_at_idx" ON "part_categories" USING btree ("created_at");
  CREATE UNIQUE INDEX "part_brands_name_idx" ON "part_brands" USING btree ("name");
  CREATE UNIQUE INDEX "part_brands_slug_idx" ON "part_brands" USING btree ("slug");
  CREATE INDEX "part_brands_logo_idx" ON "part_brands" USING btree ("logo_id");
  CREATE INDEX "part_brands_active_idx" ON "part_brands" USING btree ("active");
  CREATE INDEX "part_brands_updated_at_idx" ON "part_brands" USING btree ("updated_at");
  CREATE INDEX "part_brands_created_at_idx" ON "part_brands" USING btree ("created_at");
  CREATE INDEX "favorites_user_idx" ON "favorites" USING btree ("user_id");
  CREATE INDEX "favorites_updated_at_idx" ON "favorites" USING btree ("updated_at");
  CREATE INDEX "favorites_created_at_idx" ON "favorites" USING btree ("created_at");
  CREATE INDEX "itemType_itemId_idx" ON "favorites" USING btree ("item_type","item_id");
  CREATE INDEX "favorites_rels_order_idx" ON "favorites_rels" USING btree ("order");
  CREATE INDEX "favorites_rels_parent_idx" ON "favorites_rels" USING btree ("parent_id");
  CREATE INDEX "favorites_rels_path_idx" ON "favorites_rels" USING btree ("path");
  CREATE INDEX "favorites_rels_cars_id_idx" ON "favorites_rels" USING btree ("cars_id");
  CREATE INDEX "favorites_rels_parts_id_idx" ON "favorites_rels" USING btree ("parts_id");
  CREATE INDEX "wishlists_user_idx" ON "wishlists" USING btree ("user_id");
  CREATE INDEX "wishlists_is_public_idx" ON "wishlists" USING btree ("is_public");
  CREATE UNIQUE INDEX "wishlists_share_token_idx" ON "wishlists" USING btree ("share_token");
  CREATE INDEX "wishlists_updated_at_idx" ON "wishlists" USING btree ("updated_at");
  CREATE INDEX "wishlists_created_at_idx" ON "wishlists" USING btree ("created_at");
  CREATE INDEX "wishlists_rels_order_idx" ON "wishlists_rels" USING btree ("order");
  CREATE INDEX "wishlists_rels_parent_idx" ON "wishlists_rels" USING btree ("parent_id");
  CREATE INDEX "wishlists_rels_path_idx" ON "wishlists_rels" USING btree ("path");
  CREATE INDEX "wishlists_rels_cars_id_idx" ON "wishlists_rels" USING btree ("cars_id");
  CREATE INDEX "wishlists_rels_parts_id_idx" ON "wishlists_rels" USING btree ("parts_id");
  CREATE INDEX "saved_searches_user_idx" ON "saved_searches" USING btree ("user_id");
  CREATE INDEX "saved_searches_alert_frequency_idx" ON "saved_searches" USING btree ("alert_frequency");
  CREATE INDEX "saved_searches_alerts_enabled_idx" ON "saved_searches" USING btree ("alerts_enabled");
  CREATE INDEX "saved_searches_last_checked_at_idx" ON "saved_searches" USING btree ("last_checked_at");
  CREATE INDEX "saved_searches_updated_at_idx" ON "saved_searches" USING btree ("updated_at");
  CREATE INDEX "saved_searches_created_at_idx" ON "saved_searches" USING btree ("created_at");
  CREATE INDEX "search_queries_user_idx" ON "search_queries" USING btree ("user_id");
  CREATE INDEX "search_queries_normalized_query_idx" ON "search_queries" USING btree ("normalized_query");
  CREATE INDEX "search_queries_updated_at_idx" ON "search_queries" USING btree ("updated_at");
  CREATE INDEX "search_queries_created_at_idx" ON "search_queries" USING btree ("created_at");
  CREATE INDEX "normalizedQuery_createdAt_idx" ON "search_queries" USING btree ("normalized_query","created_at");
  CREATE INDEX "listing_views_car_idx" ON "listing_views" USING btree ("car_id");
  CREATE INDEX "listing_views_user_idx" ON "listing_views" USING btree ("user_id");
  CREATE INDEX "listing_views_viewer_key_idx" ON "listing_views" USING btree ("viewer_key");
  CREATE INDEX "listing_views_updated_at_idx" ON "listing_views" USING btree ("updated_at");
  CREATE INDEX "listing_views_created_at_idx" ON "listing_views" USING btree ("created_at");
  CREATE INDEX "comparisons_user_idx" ON "comparisons" USING btree ("user_id");
  CREATE UNIQUE INDEX "comparisons_share_token_idx" ON "comparisons" USING btree ("share_token");
  CREATE INDEX "comparisons_updated_at_idx" ON "comparisons" USING btree ("updated_at");
  CREATE INDEX "comparisons_created_at_idx" ON "comparisons" USING btree ("created_at");
  CREATE INDEX "comparisons_rels_order_idx" ON "comparisons_rels" USING btree ("order");
  CREATE INDEX "comparisons_rels_parent_idx" ON "comparisons_rels" USING btree ("parent_id");
  CREATE INDEX "comparisons_rels_path_idx" ON "comparisons_rels" USING btree ("path");
  CREATE INDEX "comparisons_rels_cars_id_idx" ON "comparisons_rels" USING btree ("cars_id");
  CREATE UNIQUE INDEX "posts_slug_idx" ON "posts" USING btree ("slug");
  CREATE INDEX "posts_featured_image_idx" ON "posts" USING btree ("featured_image_id");
  CREATE INDEX "posts_published_at_idx" ON "posts" USING btree ("published_at");
  CREATE INDEX "posts_views_count_idx" ON "posts" USING btree ("views_count");
  CREATE INDEX "posts_updated_at_idx" ON "posts" USING btree ("updated_at");
  CREATE INDEX "posts_created_at_idx" ON "posts" USING btree ("created_at");
  CREATE INDEX "posts__status_idx" ON "posts" USING btree ("_status");
  CREATE INDEX "posts_meta_meta_image_idx" ON "posts_locales" USING btree ("meta_image_id","_locale");
  CREATE UNIQUE INDEX "posts_locales_locale_parent_id_unique" ON "posts_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "posts_rels_order_idx" ON "posts_rels" USING btree ("order");
  CREATE INDEX "posts_rels_parent_idx" ON "posts_rels" USING btree ("parent_id");
  CREATE INDEX "posts_rels_path_idx" ON "posts_rels" USING btree ("path");
  CREATE INDEX "posts_rels_users_id_idx" ON "posts_rels" USING btree ("users_id");
  CREATE INDEX "posts_rels_categories_id_idx" ON "posts_rels" USING btree ("categories_id");
  CREATE INDEX "posts_rels_tags_id_idx" ON "posts_rels" USING btree ("tags_id");
  CREATE INDEX "_posts_v_parent_idx" ON "_posts_v" USING btree ("parent_id");
  CREATE INDEX "_posts_v_version_version_slug_idx" ON "_posts_v" USING btree ("version_slug");
  CREATE INDEX "_posts_v_version_version_featured_image_idx" ON "_posts_v" USING btree ("version_featured_image_id");
  CREATE INDEX "_posts_v_version_version_published_at_idx" ON "_posts_v" USING btree ("version_published_at");
  CREATE INDEX "_posts_v_version_version_views_count_idx" ON "_posts_v" USING btree ("version_views_count");
  CREATE INDEX "_posts_v_version_version_updated_at_idx" ON "_posts_v" USING btree ("version_updated_at");
  CREATE INDEX "_posts_v_version_version_created_at_idx" ON "_posts_v" USING btree ("version_created_at");
  CREATE INDEX "_posts_v_version_version__status_idx" ON "_posts_v" USING btree ("version__status");
  CREATE INDEX "_posts_v_created_at_idx" ON "_posts_v" USING btree ("created_at");
  CREATE INDEX "_posts_v_updated_at_idx" ON "_posts_v" USING btree ("updated_at");
  CREATE INDEX "_posts_v_snapshot_idx" ON "_posts_v" USING btree ("snapshot");
  CREATE INDEX "_posts_v_published_locale_idx" ON "_posts_v" USING btree ("published_locale");
  CREATE INDEX "_posts_v_latest_idx" ON "_posts_v" USING btree ("latest");
  CREATE INDEX "_posts_v_autosave_idx" ON "_posts_v" USING btree ("autosave");
  CREATE INDEX "_posts_v_version_meta_version_meta_image_idx" ON "_posts_v_locales" USING btree ("version_meta_image_id","_locale");
  CREATE UNIQUE INDEX "_posts_v_locales_locale_parent_id_unique" ON "_posts_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_posts_v_rels_order_idx" ON "_posts_v_rels" USING btree ("order");
  CREATE INDEX "_posts_v_rels_parent_idx" ON "_posts_v_rels" USING btree ("parent_id");
  CREATE INDEX "_posts_v_rels_path_idx" ON "_posts_v_rels" USING btree ("path");
  CREATE INDEX "_posts_v_rels_users_id_idx" ON "_posts_v_rels" USING btree ("users_id");
  CREATE INDEX "_posts_v_rels_categories_id_idx" ON "_posts_v_rels" USING btree ("categories_id");
  CREATE INDEX "_posts_v_rels_tags_id_idx" ON "_posts_v_rels" USING btree ("tags_id");
  CREATE UNIQUE INDEX "categories_slug_idx" ON "categories" USING btree ("slug");
  CREATE INDEX "categories_active_idx" ON "categories" USING btree ("active");
  CREATE INDEX "categories_updated_at_idx" ON "categories" USING btree ("updated_at");
  CREATE INDEX "categories_created_at_idx" ON "categories" USING btree ("created_at");
  CREATE UNIQUE INDEX "categories_locales_locale_parent_id_unique" ON "categories_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "tags_slug_idx" ON "tags" USING btree ("slug");
  CREATE INDEX "tags_active_idx" ON "tags" USING btree ("active");
  CREATE INDEX "tags_updated_at_idx" ON "tags" USING btree ("updated_at");
  CREATE INDEX "tags_created_at_idx" ON "tags" USING btree ("created_at");
  CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");
  CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");
  CREATE INDEX "comments_status_idx" ON "comments" USING btree ("status");
  CREATE INDEX "comments_likes_count_idx" ON "comments" USING btree ("likes_count");
  CREATE INDEX "comments_updated_at_idx" ON "comments" USING btree ("updated_at");
  CREATE INDEX "comments_created_at_idx" ON "comments" USING btree ("created_at");
  CREATE INDEX "status_createdAt_idx" ON "comments" USING btree ("status","created_at");
  CREATE INDEX "ip_createdAt_idx" ON "comments" USING btree ("ip","created_at");
  CREATE INDEX "comments_rels_order_idx" ON "comments_rels" USING btree ("order");
  CREATE INDEX "comments_rels_parent_idx" ON "comments_rels" USING btree ("parent_id");
  CREATE INDEX "comments_rels_path_idx" ON "comments_rels" USING btree ("path");
  CREATE INDEX "comments_rels_posts_id_idx" ON "comments_rels" USING btree ("posts_id");
  CREATE INDEX "comments_rels_cars_id_idx" ON "comments_rels" USING btree ("cars_id");
  CREATE INDEX "comments_rels_parts_id_idx" ON "comments_rels" USING btree ("parts_id");
  CREATE INDEX "testimonials_avatar_idx" ON "testimonials" USING btree ("avatar_id");
  CREATE INDEX "testimonials_order_idx" ON "testimonials" USING btree ("order");
  CREATE INDEX "testimonials_active_idx" ON "testimonials" USING btree ("active");
  CREATE INDEX "testimonials_updated_at_idx" ON "testimonials" USING btree ("updated_at");
  CREATE INDEX "testimonials_created_at_idx" ON "testimonials" USING btree ("created_at");
  CREATE INDEX "active_order_idx" ON "testimonials" USING btree ("active","order");
  CREATE UNIQUE INDEX "testimonials_locales_locale_parent_id_unique" ON "testimonials_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "partners_logo_idx" ON "partners" USING btree ("logo_id");
  CREATE INDEX "partners_order_idx" ON "partners" USING btree ("order");
  CREATE INDEX "partners_active_idx" ON "partners" USING btree ("active");
  CREATE INDEX "partners_updated_at_idx" ON "partners" USING btree ("updated_at");
  CREATE INDEX "partners_created_at_idx" ON "partners" USING btree ("created_at");
  CREATE INDEX "active_order_1_idx" ON "partners" USING btree ("active","order");
  CREATE INDEX "reviews_reports_order_idx" ON "reviews_reports" USING btree ("_order");
  CREATE INDEX "reviews_reports_parent_id_idx" ON "reviews_reports" USING btree ("_parent_id");
  CREATE INDEX "reviews_reports_by_idx" ON "reviews_reports" USING btree ("by_id");
  CREATE INDEX "reviews_author_idx" ON "reviews" USING btree ("author_id");
  CREATE INDEX "reviews_rating_idx" ON "reviews" USING btree ("rating");
  CREATE INDEX "reviews_verified_purchase_idx" ON "reviews" USING btree ("verified_purchase");
  CREATE INDEX "reviews_status_idx" ON "reviews" USING btree ("status");
  CREATE INDEX "reviews_reports_count_idx" ON "reviews" USING btree ("reports_count");
  CREATE INDEX "reviews_helpful_count_idx" ON "reviews" USING btree ("helpful_count");
  CREATE INDEX "reviews_target_collection_idx" ON "reviews" USING btree ("target_collection");
  CREATE INDEX "reviews_target_id_idx" ON "reviews" USING btree ("target_id");
  CREATE INDEX "reviews_target_owner_idx" ON "reviews" USING btree ("target_owner_id");
  CREATE INDEX "reviews_booking_key_idx" ON "reviews" USING btree ("booking_key");
  CREATE INDEX "reviews_updated_at_idx" ON "reviews" USING btree ("updated_at");
  CREATE INDEX "reviews_created_at_idx" ON "reviews" USING btree ("created_at");
  CREATE INDEX "targetCollection_targetId_status_idx" ON "reviews" USING btree ("target_collection","target_id","status");
  CREATE INDEX "reviews_rels_order_idx" ON "reviews_rels" USING btree ("order");
  CREATE INDEX "reviews_rels_parent_idx" ON "reviews_rels" USING btree ("parent_id");
  CREATE INDEX "reviews_rels_path_idx" ON "reviews_rels" USING btree ("path");
  CREATE INDEX "reviews_rels_cars_id_idx" ON "reviews_rels" USING btree ("cars_id");
  CREATE INDEX "reviews_rels_parts_id_idx" ON "reviews_rels" USING btree ("parts_id");
  CREATE INDEX "reviews_rels_users_id_idx" ON "reviews_rels" USING btree ("users_id");
  CREATE INDEX "reviews_rels_parking_spots_id_idx" ON "reviews_rels" USING btree ("parking_spots_id");
  CREATE INDEX "reviews_rels_services_id_idx" ON "reviews_rels" USING btree ("services_id");
  CREATE INDEX "reviews_rels_technicians_id_idx" ON "reviews_rels" USING btree ("technicians_id");
  CREATE INDEX "reviews_rels_parking_bookings_id_idx" ON "reviews_rels" USING btree ("parking_bookings_id");
  CREATE INDEX "reviews_rels_service_bookings_id_idx" ON "reviews_rels" USING btree ("service_bookings_id");
  CREATE INDEX "reviews_rels_media_id_idx" ON "reviews_rels" USING btree ("media_id");
  CREATE INDEX "votes_user_idx" ON "votes" USING btree ("user_id");
  CREATE INDEX "votes_target_collection_idx" ON "votes" USING btree ("target_collection");
  CREATE INDEX "votes_target_id_idx" ON "votes" USING btree ("target_id");
  CREATE INDEX "votes_updated_at_idx" ON "votes" USING btree ("updated_at");
  CREATE INDEX "votes_created_at_idx" ON "votes" USING btree ("created_at");
  CREATE INDEX "targetCollection_targetId_idx" ON "votes" USING btree ("target_collection","target_id");
  CREATE INDEX "votes_rels_order_idx" ON "votes_rels" USING btree ("order");
  CREATE INDEX "votes_rels_parent_idx" ON "votes_rels" USING btree ("parent_id");
  CREATE INDEX "votes_rels_path_idx" ON "votes_rels" USING btree ("path");
  CREATE INDEX "votes_rels_reviews_id_idx" ON "votes_rels" USING btree ("reviews_id");
  CREATE INDEX "votes_rels_forum_responses_id_idx" ON "votes_rels" USING btree ("forum_responses_id");
  CREATE INDEX "votes_rels_comments_id_idx" ON "votes_rels" USING btree ("comments_id");
  CREATE UNIQUE INDEX "forum_categories_slug_idx" ON "forum_categories" USING btree ("slug");
  CREATE INDEX "forum_categories_order_idx" ON "forum_categories" USING btree ("order");
  CREATE INDEX "forum_categories_updated_at_idx" ON "forum_categories" USING btree ("updated_at");
  CREATE INDEX "forum_categories_created_at_idx" ON "forum_categories" USING btree ("created_at");
  CREATE UNIQUE INDEX "forum_categories_locales_locale_parent_id_unique" ON "forum_categories_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "forum_threads_category_idx" ON "forum_threads" USING btree ("category_id");
  CREATE INDEX "forum_threads_author_idx" ON "forum_threads" USING btree ("author_id");
  CREATE INDEX "forum_threads_car_car_make_idx" ON "forum_threads" USING btree ("car_make_id");
  CREATE INDEX "forum_threads_car_car_model_idx" ON "forum_threads" USING btree ("car_model_id");
  CREATE INDEX "forum_threads_status_idx" ON "forum_threads" USING btree ("status");
  CREATE INDEX "forum_threads_pinned_idx" ON "forum_threads" USING btree ("pinned");
  CREATE INDEX "forum_threads_featured_idx" ON "forum_threads" USING btree ("featured");
  CREATE INDEX "forum_threads_accepted_response_idx" ON "forum_threads" USING btree ("accepted_response_id");
  CREATE INDEX "forum_threads_responses_count_idx" ON "forum_threads" USING btree ("responses_count");
  CREATE INDEX "forum_threads_last_activity_at_idx" ON "forum_threads" USING btree ("last_activity_at");
  CREATE INDEX "forum_threads_updated_at_idx" ON "forum_threads" USING btree ("updated_at");
  CREATE INDEX "forum_threads_created_at_idx" ON "forum_threads" USING btree ("created_at");
  CREATE INDEX "category_pinned_lastActivityAt_idx" ON "forum_threads" USING btree ("category_id","pinned","last_activity_at");
  CREATE INDEX "forum_responses_flags_order_idx" ON "forum_responses_flags" USING btree ("_order");
  CREATE INDEX "forum_responses_flags_parent_id_idx" ON "forum_responses_flags" USING btree ("_parent_id");
  CREATE INDEX "forum_responses_flags_by_idx" ON "forum_responses_flags" USING btree ("by_id");
  CREATE INDEX "forum_responses_thread_idx" ON "forum_responses" USING btree ("thread_id");
  CREATE INDEX "forum_responses_author_idx" ON "forum_responses" USING btree ("author_id");
  CREATE INDEX "forum_responses_is_expert_idx" ON "forum_responses" USING btree ("is_expert");
  CREATE INDEX "forum_responses_is_accepted_idx" ON "forum_responses" USING btree ("is_accepted");
  CREATE INDEX "forum_responses_helpful_count_idx" ON "forum_responses" USING btree ("helpful_count");
  CREATE INDEX "forum_responses_status_idx" ON "forum_responses" USING btree ("status");
  CREATE INDEX "forum_responses_flags_count_idx" ON "forum_responses" USING btree ("flags_count");
  CREATE INDEX "forum_responses_updated_at_idx" ON "forum_responses" USING btree ("updated_at");
  CREATE INDEX "forum_responses_created_at_idx" ON "forum_responses" USING btree ("created_at");
  CREATE INDEX "thread_status_createdAt_idx" ON "forum_responses" USING btree ("thread_id","status","created_at");
  CREATE INDEX "conversations_unread_order_idx" ON "conversations_unread" USING btree ("_order");
  CREATE INDEX "conversations_unread_parent_id_idx" ON "conversations_unread" USING btree ("_parent_id");
  CREATE INDEX "conversations_unread_user_idx" ON "conversations_unread" USING btree ("user_id");
  CREATE INDEX "conversations_initiator_idx" ON "conversations" USING btree ("initiator_id");
  CREATE INDEX "conversations_listing_key_idx" ON "conversations" USING btree ("listing_key");
  CREATE INDEX "conversations_last_message_at_idx" ON "conversations" USING btree ("last_message_at");
  CREATE INDEX "conversations_last_message_by_idx" ON "conversations" USING btree ("last_message_by_id");
  CREATE INDEX "conversations_updated_at_idx" ON "conversations" USING btree ("updated_at");
  CREATE INDEX "conversations_created_at_idx" ON "conversations" USING btree ("created_at");
  CREATE INDEX "conversations_rels_order_idx" ON "conversations_rels" USING btree ("order");
  CREATE INDEX "conversations_rels_parent_idx" ON "conversations_rels" USING btree ("parent_id");
  CREATE INDEX "conversations_rels_path_idx" ON "conversations_rels" USING btree ("path");
  CREATE INDEX "conversations_rels_users_id_idx" ON "conversations_rels" USING btree ("users_id");
  CREATE INDEX "conversations_rels_cars_id_idx" ON "conversations_rels" USING btree ("cars_id");
  CREATE INDEX "conversations_rels_parts_id_idx" ON "conversations_rels" USING btree ("parts_id");
  CREATE INDEX "messages_conversation_idx" ON "messages" USING btree ("conversation_id");
  CREATE INDEX "messages_sender_idx" ON "messages" USING btree ("sender_id");
  CREATE INDEX "messages_recipient_idx" ON "messages" USING btree ("recipient_id");
  CREATE INDEX "messages_read_at_idx" ON "messages" USING btree ("read_at");
  CREATE INDEX "messages_updated_at_idx" ON "messages" USING btree ("updated_at");
  CREATE INDEX "messages_created_at_idx" ON "messages" USING btree ("created_at");
  CREATE INDEX "conversation_createdAt_idx" ON "messages" USING btree ("conversation_id","created_at");
  CREATE INDEX "recipient_readAt_idx" ON "messages" USING btree ("recipient_id","read_at");
  CREATE INDEX "messages_rels_order_idx" ON "messages_rels" USING btree ("order");
  CREATE INDEX "messages_rels_parent_idx" ON "messages_rels" USING btree ("parent_id");
  CREATE INDEX "messages_rels_path_idx" ON "messages_rels" USING btree ("path");
  CREATE INDEX "messages_rels_media_id_idx" ON "messages_rels" USING btree ("media_id");
  CREATE INDEX "contact_submissions_email_idx" ON "contact_submissions" USING btree ("email");
  CREATE INDEX "contact_submissions_status_idx" ON "contact_submissions" USING btree ("status");
  CREATE INDEX "contact_submissions_ip_idx" ON "contact_submissions" USING btree ("ip");
  CREATE INDEX "contact_submissions_updated_at_idx" ON "contact_submissions" USING btree ("updated_at");
  CREATE INDEX "contact_submissions_created_at_idx" ON "contact_submissions" USING btree ("created_at");
  CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id");
  CREATE INDEX "notifications_type_idx" ON "notifications" USING btree ("type");
  CREATE INDEX "notifications_read_idx" ON "notifications" USING btree ("read");
  CREATE INDEX "notifications_email_status_idx" ON "notifications" USING btree ("email_status");
  CREATE INDEX "notifications_emailed_at_idx" ON "notifications" USING btree ("emailed_at");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE INDEX "user_read_idx" ON "notifications" USING btree ("user_id","read");
  CREATE INDEX "emailStatus_user_idx" ON "notifications" USING btree ("email_status","user_id");
  CREATE UNIQUE INDEX "notifications_locales_locale_parent_id_unique" ON "notifications_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "negotiations_offers_order_idx" ON "negotiations_offers" USING btree ("_order");
  CREATE INDEX "negotiations_offers_parent_id_idx" ON "negotiations_offers" USING btree ("_parent_id");
  CREATE INDEX "negotiations_car_idx" ON "negotiations" USING btree ("car_id");
  CREATE INDEX "negotiations_buyer_idx" ON "negotiations" USING btree ("buyer_id");
  CREATE INDEX "negotiations_seller_idx" ON "negotiations" USING btree ("seller_id");
  CREATE INDEX "negotiations_status_idx" ON "negotiations" USING btree ("status");
  CREATE INDEX "negotiations_expires_at_idx" ON "negotiations" USING btree ("expires_at");
  CREATE INDEX "negotiations_updated_at_idx" ON "negotiations" USING btree ("updated_at");
  CREATE INDEX "negotiations_created_at_idx" ON "negotiations" USING btree ("created_at");
  CREATE INDEX "car_status_idx" ON "negotiations" USING btree ("car_id","status");
  CREATE INDEX "buyer_status_idx" ON "negotiations" USING btree ("buyer_id","status");
  CREATE INDEX "seller_status_idx" ON "negotiations" USING btree ("seller_id","status");
  CREATE INDEX "status_expiresAt_idx" ON "negotiations" USING btree ("status","expires_at");
  CREATE INDEX "loan_calculations_user_idx" ON "loan_calculations" USING btree ("user_id");
  CREATE INDEX "loan_calculations_car_idx" ON "loan_calculations" USING btree ("car_id");
  CREATE INDEX "loan_calculations_updated_at_idx" ON "loan_calculations" USING btree ("updated_at");
  CREATE INDEX "loan_calculations_created_at_idx" ON "loan_calculations" USING btree ("created_at");
  CREATE INDEX "user_createdAt_idx" ON "loan_calculations" USING btree ("user_id","created_at");
  CREATE INDEX "financial_products_apr_by_credit_band_order_idx" ON "financial_products_apr_by_credit_band" USING btree ("_order");
  CREATE INDEX "financial_products_apr_by_credit_band_parent_id_idx" ON "financial_products_apr_by_credit_band" USING btree ("_parent_id");
  CREATE INDEX "financial_products_lender_idx" ON "financial_products" USING btree ("lender");
  CREATE INDEX "financial_products_min_amount_idx" ON "financial_products" USING btree ("min_amount");
  CREATE INDEX "financial_products_max_amount_idx" ON "financial_products" USING btree ("max_amount");
  CREATE INDEX "financial_products_active_idx" ON "financial_products" USING btree ("active");
  CREATE INDEX "financial_products_updated_at_idx" ON "financial_products" USING btree ("updated_at");
  CREATE INDEX "financial_products_created_at_idx" ON "financial_products" USING btree ("created_at");
  CREATE UNIQUE INDEX "financial_products_locales_locale_parent_id_unique" ON "financial_products_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "financial_products_numbers_order_parent_idx" ON "financial_products_numbers" USING btree ("order","parent_id");
  CREATE INDEX "carts_items_order_idx" ON "carts_items" USING btree ("_order");
  CREATE INDEX "carts_items_parent_id_idx" ON "carts_items" USING btree ("_parent_id");
  CREATE INDEX "carts_items_part_idx" ON "carts_items" USING btree ("part_id");
  CREATE UNIQUE INDEX "carts_user_idx" ON "carts" USING btree ("user_id");
  CREATE UNIQUE INDEX "carts_token_hash_idx" ON "carts" USING btree ("token_hash");
  CREATE INDEX "carts_last_activity_at_idx" ON "carts" USING btree ("last_activity_at");
  CREATE INDEX "carts_updated_at_idx" ON "carts" USING btree ("updated_at");
  CREATE INDEX "carts_created_at_idx" ON "carts" USING btree ("created_at");
  CREATE INDEX "orders_items_order_idx" ON "orders_items" USING btree ("_order");
  CREATE INDEX "orders_items_parent_id_idx" ON "orders_items" USING btree ("_parent_id");
  CREATE INDEX "orders_items_part_idx" ON "orders_items" USING btree ("part_id");
  CREATE INDEX "orders_items_seller_idx" ON "orders_items" USING btree ("seller_id");
  CREATE UNIQUE INDEX "orders_order_number_idx" ON "orders" USING btree ("order_number");
  CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id");
  CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status");
  CREATE INDEX "orders_payment_method_idx" ON "orders" USING btree ("payment_method");
  CREATE INDEX "orders_payment_status_idx" ON "orders" USING btree ("payment_status");
  CREATE INDEX "orders_expires_at_idx" ON "orders" USING btree ("expires_at");
  CREATE INDEX "orders_updated_at_idx" ON "orders" USING btree ("updated_at");
  CREATE INDEX "orders_created_at_idx" ON "orders" USING btree ("created_at");
  CREATE INDEX "status_expiresAt_1_idx" ON "orders" USING btree ("status","expires_at");
  CREATE INDEX "customer_createdAt_idx" ON "orders" USING btree ("customer_id","created_at");
  CREATE INDEX "orders_rels_order_idx" ON "orders_rels" USING btree ("order");
  CREATE INDEX "orders_rels_parent_idx" ON "orders_rels" USING btree ("parent_id");
  CREATE INDEX "orders_rels_path_idx" ON "orders_rels" USING btree ("path");
  CREATE INDEX "orders_rels_users_id_idx" ON "orders_rels" USING btree ("users_id");
  CREATE INDEX "payments_refunds_order_idx" ON "payments_refunds" USING btree ("_order");
  CREATE INDEX "payments_refunds_parent_id_idx" ON "payments_refunds" USING btree ("_parent_id");
  CREATE INDEX "payments_user_idx" ON "payments" USING btree ("user_id");
  CREATE INDEX "payments_provider_idx" ON "payments" USING btree ("provider");
  CREATE UNIQUE INDEX "payments_intent_id_idx" ON "payments" USING btree ("intent_id");
  CREATE INDEX "payments_charge_id_idx" ON "payments" USING btree ("charge_id");
  CREATE INDEX "payments_status_idx" ON "payments" USING btree ("status");
  CREATE INDEX "payments_target_type_idx" ON "payments" USING btree ("target_type");
  CREATE INDEX "payments_updated_at_idx" ON "payments" USING btree ("updated_at");
  CREATE INDEX "payments_created_at_idx" ON "payments" USING btree ("created_at");
  CREATE INDEX "user_targetType_idx" ON "payments" USING btree ("user_id","target_type");
  CREATE INDEX "payments_rels_order_idx" ON "payments_rels" USING btree ("order");
  CREATE INDEX "payments_rels_parent_idx" ON "payments_rels" USING btree ("parent_id");
  CREATE INDEX "payments_rels_path_idx" ON "payments_rels" USING btree ("path");
  CREATE INDEX "payments_rels_orders_id_idx" ON "payments_rels" USING btree ("orders_id");
  CREATE INDEX "payments_rels_parking_bookings_id_idx" ON "payments_rels" USING btree ("parking_bookings_id");
  CREATE INDEX "payments_rels_service_bookings_id_idx" ON "payments_rels" USING btree ("service_bookings_id");
  CREATE INDEX "payments_rels_subscriptions_id_idx" ON "payments_rels" USING btree ("subscriptions_id");
  CREATE INDEX "plans_features_order_idx" ON "plans_features" USING btree ("_order");
  CREATE INDEX "plans_features_parent_id_idx" ON "plans_features" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "plans_slug_idx" ON "plans" USING btree ("slug");
  CREATE INDEX "plans_sort_order_idx" ON "plans" USING btree ("sort_order");
  CREATE INDEX "plans_active_idx" ON "plans" USING btree ("active");
  CREATE INDEX "plans_updated_at_idx" ON "plans" USING btree ("updated_at");
  CREATE INDEX "plans_created_at_idx" ON "plans" USING btree ("created_at");
  CREATE INDEX "subscriptions_user_idx" ON "subscriptions" USING btree ("user_id");
  CREATE INDEX "subscriptions_plan_idx" ON "subscriptions" USING btree ("plan_id");
  CREATE INDEX "subscriptions_status_idx" ON "subscriptions" USING btree ("status");
  CREATE INDEX "subscriptions_end_date_idx" ON "subscriptions" USING btree ("end_date");
  CREATE INDEX "subscriptions_stripe_subscription_id_idx" ON "subscriptions" USING btree ("stripe_subscription_id");
  CREATE INDEX "subscriptions_updated_at_idx" ON "subscriptions" USING btree ("updated_at");
  CREATE INDEX "subscriptions_created_at_idx" ON "subscriptions" USING btree ("created_at");
  CREATE INDEX "user_status_idx" ON "subscriptions" USING btree ("user_id","status");
  CREATE INDEX "status_endDate_idx" ON "subscriptions" USING btree ("status","end_date");
  CREATE UNIQUE INDEX "amenities_slug_idx" ON "amenities" USING btree ("slug");
  CREATE INDEX "amenities_updated_at_idx" ON "amenities" USING btree ("updated_at");
  CREATE INDEX "amenities_created_at_idx" ON "amenities" USING btree ("created_at");
  CREATE UNIQUE INDEX "amenities_locales_locale_parent_id_unique" ON "amenities_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "parking_spots_opening_hours_days_order_idx" ON "parking_spots_opening_hours_days" USING btree ("_order");
  CREATE INDEX "parking_spots_opening_hours_days_parent_id_idx" ON "parking_spots_opening_hours_days" USING btree ("_parent_id");
  CREATE INDEX "parking_spots_owner_idx" ON "parking_spots" USING btree ("owner_id");
  CREATE INDEX "parking_spots_name_idx" ON "parking_spots" USING btree ("name");
  CREATE INDEX "parking_spots_city_idx" ON "parking_spots" USING btree ("city");
  CREATE INDEX "parking_spots_price_idx" ON "parking_spots" USING btree ("price");
  CREATE INDEX "parking_spots_active_idx" ON "parking_spots" USING btree ("active");
  CREATE INDEX "parking_spots_rating_rating_average_idx" ON "parking_spots" USING btree ("rating_average");
  CREATE INDEX "parking_spots_updated_at_idx" ON "parking_spots" USING btree ("updated_at");
  CREATE INDEX "parking_spots_created_at_idx" ON "parking_spots" USING btree ("created_at");
  CREATE INDEX "active_city_idx" ON "parking_spots" USING btree ("active","city");
  CREATE UNIQUE INDEX "parking_spots_locales_locale_parent_id_unique" ON "parking_spots_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "parking_spots_rels_order_idx" ON "parking_spots_rels" USING btree ("order");
  CREATE INDEX "parking_spots_rels_parent_idx" ON "parking_spots_rels" USING btree ("parent_id");
  CREATE INDEX "parking_spots_rels_path_idx" ON "parking_spots_rels" USING btree ("path");
  CREATE INDEX "parking_spots_rels_media_id_idx" ON "parking_spots_rels" USING btree ("media_id");
  CREATE INDEX "parking_spots_rels_amenities_id_idx" ON "parking_spots_rels" USING btree ("amenities_id");
  CREATE INDEX "availability_blocks_spot_idx" ON "availability_blocks" USING btree ("spot_id");
  CREATE INDEX "availability_blocks_start_time_idx" ON "availability_blocks" USING btree ("start_time");
  CREATE INDEX "availability_blocks_end_time_idx" ON "availability_blocks" USING btree ("end_time");
  CREATE INDEX "availability_blocks_created_by_idx" ON "availability_blocks" USING btree ("created_by_id");
  CREATE INDEX "availability_blocks_updated_at_idx" ON "availability_blocks" USING btree ("updated_at");
  CREATE INDEX "availability_blocks_created_at_idx" ON "availability_blocks" USING btree ("created_at");
  CREATE INDEX "spot_startTime_endTime_idx" ON "availability_blocks" USING btree ("spot_id","start_time","end_time");
  CREATE INDEX "parking_bookings_user_idx" ON "parking_bookings" USING btree ("user_id");
  CREATE INDEX "parking_bookings_spot_idx" ON "parking_bookings" USING btree ("spot_id");
  CREATE INDEX "parking_bookings_spot_owner_idx" ON "parking_bookings" USING btree ("spot_owner_id");
  CREATE INDEX "parking_bookings_vehicle_idx" ON "parking_bookings" USING btree ("vehicle_id");
  CREATE INDEX "parking_bookings_start_time_idx" ON "parking_bookings" USING btree ("start_time");
  CREATE INDEX "parking_bookings_end_time_idx" ON "parking_bookings" USING btree ("end_time");
  CREATE INDEX "parking_bookings_status_idx" ON "parking_bookings" USING btree ("status");
  CREATE UNIQUE INDEX "parking_bookings_qr_code_idx" ON "parking_bookings" USING btree ("qr_code");
  CREATE INDEX "parking_bookings_payment_status_idx" ON "parking_bookings" USING btree ("payment_status");
  CREATE INDEX "parking_bookings_reminder_sent_at_idx" ON "parking_bookings" USING btree ("reminder_sent_at");
  CREATE INDEX "parking_bookings_updated_at_idx" ON "parking_bookings" USING btree ("updated_at");
  CREATE INDEX "parking_bookings_created_at_idx" ON "parking_bookings" USING btree ("created_at");
  CREATE INDEX "spot_status_startTime_idx" ON "parking_bookings" USING btree ("spot_id","status","start_time");
  CREATE INDEX "spot_pin_idx" ON "parking_bookings" USING btree ("spot_id","pin");
  CREATE INDEX "status_endTime_idx" ON "parking_bookings" USING btree ("status","end_time");
  CREATE INDEX "services_availability_working_days_order_idx" ON "services_availability_working_days" USING btree ("order");
  CREATE INDEX "services_availability_working_days_parent_idx" ON "services_availability_working_days" USING btree ("parent_id");
  CREATE UNIQUE INDEX "services_slug_idx" ON "services" USING btree ("slug");
  CREATE INDEX "services_category_idx" ON "services" USING btree ("category");
  CREATE INDEX "services_sub_category_idx" ON "services" USING btree ("sub_category");
  CREATE INDEX "services_base_price_idx" ON "services" USING btree ("base_price");
  CREATE INDEX "services_availability_availability_active_idx" ON "services" USING btree ("availability_active");
  CREATE INDEX "services_availability_availability_emergency_available_idx" ON "services" USING btree ("availability_emergency_available");
  CREATE INDEX "services_popular_idx" ON "services" USING btree ("popular");
  CREATE INDEX "services_sort_order_idx" ON "services" USING btree ("sort_order");
  CREATE INDEX "services_rating_rating_average_idx" ON "services" USING btree ("rating_average");
  CREATE INDEX "services_updated_at_idx" ON "services" USING btree ("updated_at");
  CREATE INDEX "services_created_at_idx" ON "services" USING btree ("created_at");
  CREATE INDEX "category_sortOrder_idx" ON "services" USING btree ("category","sort_order");
  CREATE INDEX "services_meta_meta_image_idx" ON "services_locales" USING btree ("meta_image_id","_locale");
  CREATE UNIQUE INDEX "services_locales_locale_parent_id_unique" ON "services_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "services_texts_order_parent" ON "services_texts" USING btree ("order","parent_id");
  CREATE INDEX "services_rels_order_idx" ON "services_rels" USING btree ("order");
  CREATE INDEX "services_rels_parent_idx" ON "services_rels" USING btree ("parent_id");
  CREATE INDEX "services_rels_path_idx" ON "services_rels" USING btree ("path");
  CREATE INDEX "services_rels_media_id_idx" ON "services_rels" USING btree ("media_id");
  CREATE INDEX "service_bookings_tracking_status_history_order_idx" ON "service_bookings_tracking_status_history" USING btree ("_order");
  CREATE INDEX "service_bookings_tracking_status_history_parent_id_idx" ON "service_bookings_tracking_status_history" USING btree ("_parent_id");
  CREATE INDEX "service_bookings_tracking_status_history_actor_idx" ON "service_bookings_tracking_status_history" USING btree ("actor_id");
  CREATE INDEX "service_bookings_progress_stages_order_idx" ON "service_bookings_progress_stages" USING btree ("_order");
  CREATE INDEX "service_bookings_progress_stages_parent_id_idx" ON "service_bookings_progress_stages" USING btree ("_parent_id");
  CREATE INDEX "service_bookings_progress_stages_updated_by_idx" ON "service_bookings_progress_stages" USING btree ("updated_by_id");
  CREATE INDEX "service_bookings_blockers_order_idx" ON "service_bookings_blockers" USING btree ("_order");
  CREATE INDEX "service_bookings_blockers_parent_id_idx" ON "service_bookings_blockers" USING btree ("_parent_id");
  CREATE INDEX "service_bookings_blockers_reported_by_idx" ON "service_bookings_blockers" USING btree ("reported_by_id");
  CREATE INDEX "service_bookings_quality_checks_order_idx" ON "service_bookings_quality_checks" USING btree ("_order");
  CREATE INDEX "service_bookings_quality_checks_parent_id_idx" ON "service_bookings_quality_checks" USING btree ("_parent_id");
  CREATE INDEX "service_bookings_quality_checks_checked_by_idx" ON "service_bookings_quality_checks" USING btree ("checked_by_id");
  CREATE UNIQUE INDEX "service_bookings_booking_number_idx" ON "service_bookings" USING btree ("booking_number");
  CREATE INDEX "service_bookings_status_idx" ON "service_bookings" USING btree ("status");
  CREATE INDEX "service_bookings_customer_idx" ON "service_bookings" USING btree ("customer_id");
  CREATE INDEX "service_bookings_guest_token_hash_idx" ON "service_bookings" USING btree ("guest_token_hash");
  CREATE INDEX "service_bookings_service_idx" ON "service_bookings" USING btree ("service_id");
  CREATE INDEX "service_bookings_technician_idx" ON "service_bookings" USING btree ("technician_id");
  CREATE INDEX "service_bookings_technician_user_idx" ON "service_bookings" USING btree ("technician_user_id");
  CREATE INDEX "service_bookings_is_emergency_idx" ON "service_bookings" USING btree ("is_emergency");
  CREATE INDEX "service_bookings_urgency_idx" ON "service_bookings" USING btree ("urgency");
  CREATE INDEX "service_bookings_scheduled_at_idx" ON "service_bookings" USING btree ("scheduled_at");
  CREATE INDEX "service_bookings_scheduled_end_idx" ON "service_bookings" USING btree ("scheduled_end");
  CREATE INDEX "service_bookings_location_location_governorate_idx" ON "service_bookings" USING btree ("location_governorate");
  CREATE INDEX "service_bookings_pricing_pricing_total_idx" ON "service_bookings" USING btree ("pricing_total");
  CREATE INDEX "service_bookings_payment_status_idx" ON "service_bookings" USING btree ("payment_status");
  CREATE INDEX "service_bookings_updated_at_idx" ON "service_bookings" USING btree ("updated_at");
  CREATE INDEX "service_bookings_created_at_idx" ON "service_bookings" USING btree ("created_at");
  CREATE INDEX "technician_status_idx" ON "service_bookings" USING btree ("technician_id","status");
  CREATE INDEX "customer_status_idx" ON "service_bookings" USING btree ("customer_id","status");
  CREATE INDEX "service_status_idx" ON "service_bookings" USING btree ("service_id","status");
  CREATE INDEX "service_bookings_rels_order_idx" ON "service_bookings_rels" USING btree ("order");
  CREATE INDEX "service_bookings_rels_parent_idx" ON "service_bookings_rels" USING btree ("parent_id");
  CREATE INDEX "service_bookings_rels_path_idx" ON "service_bookings_rels" USING btree ("path");
  CREATE INDEX "service_bookings_rels_media_id_idx" ON "service_bookings_rels" USING btree ("media_id");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_login_events_id_idx" ON "payload_locked_documents_rels" USING btree ("login_events_id");
  CREATE INDEX "payload_locked_documents_rels_dealers_id_idx" ON "payload_locked_documents_rels" USING btree ("dealers_id");
  CREATE INDEX "payload_locked_documents_rels_technicians_id_idx" ON "payload_locked_documents_rels" USING btree ("technicians_id");
  CREATE INDEX "payload_locked_documents_rels_vehicles_id_idx" ON "payload_locked_documents_rels" USING btree ("vehicles_id");
  CREATE INDEX "payload_locked_documents_rels_expert_verifications_id_idx" ON "payload_locked_documents_rels" USING btree ("expert_verifications_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_makes_id_idx" ON "payload_locked_documents_rels" USING btree ("makes_id");
  CREATE INDEX "payload_locked_documents_rels_models_id_idx" ON "payload_locked_documents_rels" USING btree ("models_id");
  CREATE INDEX "payload_locked_documents_rels_features_id_idx" ON "payload_locked_documents_rels" USING btree ("features_id");
  CREATE INDEX "payload_locked_documents_rels_cars_id_idx" ON "payload_locked_documents_rels" USING btree ("cars_id");
  CREATE INDEX "payload_locked_documents_rels_parts_id_idx" ON "payload_locked_documents_rels" USING btree ("parts_id");
  CREATE INDEX "payload_locked_documents_rels_part_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("part_categories_id");
  CREATE INDEX "payload_locked_documents_rels_part_brands_id_idx" ON "payload_locked_documents_rels" USING btree ("part_brands_id");
  CREATE INDEX "payload_locked_documents_rels_wishlists_id_idx" ON "payload_locked_documents_rels" USING btree ("wishlists_id");
  CREATE INDEX "payload_locked_documents_rels_saved_searches_id_idx" ON "payload_locked_documents_rels" USING btree ("saved_searches_id");
  CREATE INDEX "payload_locked_documents_rels_comparisons_id_idx" ON "payload_locked_documents_rels" USING btree ("comparisons_id");
  CREATE INDEX "payload_locked_documents_rels_posts_id_idx" ON "payload_locked_documents_rels" USING btree ("posts_id");
  CREATE INDEX "payload_locked_documents_rels_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("categories_id");
  CREATE INDEX "payload_locked_documents_rels_tags_id_idx" ON "payload_locked_documents_rels" USING btree ("tags_id");
  CREATE INDEX "payload_locked_documents_rels_comments_id_idx" ON "payload_locked_documents_rels" USING btree ("comments_id");
  CREATE INDEX "payload_locked_documents_rels_testimonials_id_idx" ON "payload_locked_documents_rels" USING btree ("testimonials_id");
  CREATE INDEX "payload_locked_documents_rels_partners_id_idx" ON "payload_locked_documents_rels" USING btree ("partners_id");
  CREATE INDEX "payload_locked_documents_rels_reviews_id_idx" ON "payload_locked_documents_rels" USING btree ("reviews_id");
  CREATE INDEX "payload_locked_documents_rels_votes_id_idx" ON "payload_locked_documents_rels" USING btree ("votes_id");
  CREATE INDEX "payload_locked_documents_rels_forum_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("forum_categories_id");
  CREATE INDEX "payload_locked_documents_rels_forum_threads_id_idx" ON "payload_locked_documents_rels" USING btree ("forum_threads_id");
  CREATE INDEX "payload_locked_documents_rels_forum_responses_id_idx" ON "payload_locked_documents_rels" USING btree ("forum_responses_id");
  CREATE INDEX "payload_locked_documents_rels_conversations_id_idx" ON "payload_locked_documents_rels" USING btree ("conversations_id");
  CREATE INDEX "payload_locked_documents_rels_messages_id_idx" ON "payload_locked_documents_rels" USING btree ("messages_id");
  CREATE INDEX "payload_locked_documents_rels_contact_submissions_id_idx" ON "payload_locked_documents_rels" USING btree ("contact_submissions_id");
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");
  CREATE INDEX "payload_locked_documents_rels_negotiations_id_idx" ON "payload_locked_documents_rels" USING btree ("negotiations_id");
  CREATE INDEX "payload_locked_documents_rels_loan_calculations_id_idx" ON "payload_locked_documents_rels" USING btree ("loan_calculations_id");
  CREATE INDEX "payload_locked_documents_rels_financial_products_id_idx" ON "payload_locked_documents_rels" USING btree ("financial_products_id");
  CREATE INDEX "payload_locked_documents_rels_carts_id_idx" ON "payload_locked_documents_rels" USING btree ("carts_id");
  CREATE INDEX "payload_locked_documents_rels_orders_id_idx" ON "payload_locked_documents_rels" USING btree ("orders_id");
  CREATE INDEX "payload_locked_documents_rels_payments_id_idx" ON "payload_locked_documents_rels" USING btree ("payments_id");
  CREATE INDEX "payload_locked_documents_rels_plans_id_idx" ON "payload_locked_documents_rels" USING btree ("plans_id");
  CREATE INDEX "payload_locked_documents_rels_subscriptions_id_idx" ON "payload_locked_documents_rels" USING btree ("subscriptions_id");
  CREATE INDEX "payload_locked_documents_rels_amenities_id_idx" ON "payload_locked_documents_rels" USING btree ("amenities_id");
  CREATE INDEX "payload_locked_documents_rels_parking_spots_id_idx" ON "payload_locked_documents_rels" USING btree ("parking_spots_id");
  CREATE INDEX "payload_locked_documents_rels_availability_blocks_id_idx" ON "payload_locked_documents_rels" USING btree ("availability_blocks_id");
  CREATE INDEX "payload_locked_documents_rels_parking_bookings_id_idx" ON "payload_locked_documents_rels" USING btree ("parking_bookings_id");
  CREATE INDEX "payload_locked_documents_rels_services_id_idx" ON "payload_locked_documents_rels" USING btree ("services_id");
  CREATE INDEX "payload_locked_documents_rels_service_bookings_id_idx" ON "payload_locked_documents_rels" USING btree ("service_bookings_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");
  CREATE UNIQUE INDEX "site_settings_locales_locale_parent_id_unique" ON "site_settings_locales" USING btree ("_locale","_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_notification_preferences_muted_types" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "login_events" CASCADE;
  DROP TABLE "dealers_documents" CASCADE;
  DROP TABLE "dealers" CASCADE;
  DROP TABLE "technicians_specializations" CASCADE;
  DROP TABLE "technicians_working_areas" CASCADE;
  DROP TABLE "technicians" CASCADE;
  DROP TABLE "vehicles" CASCADE;
  DROP TABLE "expert_verifications_expertise_areas" CASCADE;
  DROP TABLE "expert_verifications" CASCADE;
  DROP TABLE "expert_verifications_rels" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_locales" CASCADE;
  DROP TABLE "makes" CASCADE;
  DROP TABLE "models" CASCADE;
  DROP TABLE "features" CASCADE;
  DROP TABLE "features_locales" CASCADE;
  DROP TABLE "cars_videos" CASCADE;
  DROP TABLE "cars_specifications_service_history" CASCADE;
  DROP TABLE "cars_price_history" CASCADE;
  DROP TABLE "cars" CASCADE;
  DROP TABLE "cars_locales" CASCADE;
  DROP TABLE "cars_rels" CASCADE;
  DROP TABLE "parts_compatibility" CASCADE;
  DROP TABLE "parts_specifications" CASCADE;
  DROP TABLE "parts" CASCADE;
  DROP TABLE "parts_locales" CASCADE;
  DROP TABLE "parts_rels" CASCADE;
  DROP TABLE "part_categories_breadcrumbs" CASCADE;
  DROP TABLE "part_categories" CASCADE;
  DROP TABLE "part_brands" CASCADE;
  DROP TABLE "favorites" CASCADE;
  DROP TABLE "favorites_rels" CASCADE;
  DROP TABLE "wishlists" CASCADE;
  DROP TABLE "wishlists_rels" CASCADE;
  DROP TABLE "saved_searches" CASCADE;
  DROP TABLE "search_queries" CASCADE;
  DROP TABLE "listing_views" CASCADE;
  DROP TABLE "comparisons" CASCADE;
  DROP TABLE "comparisons_rels" CASCADE;
  DROP TABLE "posts" CASCADE;
  DROP TABLE "posts_locales" CASCADE;
  DROP TABLE "posts_rels" CASCADE;
  DROP TABLE "_posts_v" CASCADE;
  DROP TABLE "_posts_v_locales" CASCADE;
  DROP TABLE "_posts_v_rels" CASCADE;
  DROP TABLE "categories" CASCADE;
  DROP TABLE "categories_locales" CASCADE;
  DROP TABLE "tags" CASCADE;
  DROP TABLE "comments" CASCADE;
  DROP TABLE "comments_rels" CASCADE;
  DROP TABLE "testimonials" CASCADE;
  DROP TABLE "testimonials_locales" CASCADE;
  DROP TABLE "partners" CASCADE;
  DROP TABLE "reviews_reports" CASCADE;
  DROP TABLE "reviews" CASCADE;
  DROP TABLE "reviews_rels" CASCADE;
  DROP TABLE "votes" CASCADE;
  DROP TABLE "votes_rels" CASCADE;
  DROP TABLE "forum_categories" CASCADE;
  DROP TABLE "forum_categories_locales" CASCADE;
  DROP TABLE "forum_threads" CASCADE;
  DROP TABLE "forum_responses_flags" CASCADE;
  DROP TABLE "forum_responses" CASCADE;
  DROP TABLE "conversations_unread" CASCADE;
  DROP TABLE "conversations" CASCADE;
  DROP TABLE "conversations_rels" CASCADE;
  DROP TABLE "messages" CASCADE;
  DROP TABLE "messages_rels" CASCADE;
  DROP TABLE "contact_submissions" CASCADE;
  DROP TABLE "notifications" CASCADE;
  DROP TABLE "notifications_locales" CASCADE;
  DROP TABLE "negotiations_offers" CASCADE;
  DROP TABLE "negotiations" CASCADE;
  DROP TABLE "loan_calculations" CASCADE;
  DROP TABLE "financial_products_apr_by_credit_band" CASCADE;
  DROP TABLE "financial_products" CASCADE;
  DROP TABLE "financial_products_locales" CASCADE;
  DROP TABLE "financial_products_numbers" CASCADE;
  DROP TABLE "carts_items" CASCADE;
  DROP TABLE "carts" CASCADE;
  DROP TABLE "orders_items" CASCADE;
  DROP TABLE "orders" CASCADE;
  DROP TABLE "orders_rels" CASCADE;
  DROP TABLE "payments_refunds" CASCADE;
  DROP TABLE "payments" CASCADE;
  DROP TABLE "payments_rels" CASCADE;
  DROP TABLE "plans_features" CASCADE;
  DROP TABLE "plans" CASCADE;
  DROP TABLE "subscriptions" CASCADE;
  DROP TABLE "amenities" CASCADE;
  DROP TABLE "amenities_locales" CASCADE;
  DROP TABLE "parking_spots_opening_hours_days" CASCADE;
  DROP TABLE "parking_spots" CASCADE;
  DROP TABLE "parking_spots_locales" CASCADE;
  DROP TABLE "parking_spots_rels" CASCADE;
  DROP TABLE "availability_blocks" CASCADE;
  DROP TABLE "parking_bookings" CASCADE;
  DROP TABLE "services_availability_working_days" CASCADE;
  DROP TABLE "services" CASCADE;
  DROP TABLE "services_locales" CASCADE;
  DROP TABLE "services_texts" CASCADE;
  DROP TABLE "services_rels" CASCADE;
  DROP TABLE "service_bookings_tracking_status_history" CASCADE;
  DROP TABLE "service_bookings_progress_stages" CASCADE;
  DROP TABLE "service_bookings_blockers" CASCADE;
  DROP TABLE "service_bookings_quality_checks" CASCADE;
  DROP TABLE "service_bookings" CASCADE;
  DROP TABLE "service_bookings_rels" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "site_settings" CASCADE;
  DROP TABLE "site_settings_locales" CASCADE;
  DROP TABLE "platform_settings" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_users_notification_preferences_muted_types";
  DROP TYPE "public"."enum_users_status";
  DROP TYPE "public"."enum_users_account_type";
  DROP TYPE "public"."enum_users_preferred_language";
  DROP TYPE "public"."enum_users_notification_preferences_frequency";
  DROP TYPE "public"."enum_dealers_documents_type";
  DROP TYPE "public"."enum_dealers_verification_status";
  DROP TYPE "public"."enum_technicians_specializations";
  DROP TYPE "public"."enum_technicians_working_areas";
  DROP TYPE "public"."enum_technicians_status";
  DROP TYPE "public"."enum_expert_verifications_expertise_areas";
  DROP TYPE "public"."enum_expert_verifications_status";
  DROP TYPE "public"."enum_models_body_type";
  DROP TYPE "public"."enum_features_category";
  DROP TYPE "public"."enum_cars_condition";
  DROP TYPE "public"."enum_cars_fuel_type";
  DROP TYPE "public"."enum_cars_transmission";
  DROP TYPE "public"."enum_cars_drive_type";
  DROP TYPE "public"."enum_cars_body_type";
  DROP TYPE "public"."enum_cars_status";
  DROP TYPE "public"."enum_parts_condition";
  DROP TYPE "public"."enum_parts_stock_status";
  DROP TYPE "public"."enum_parts_status";
  DROP TYPE "public"."enum_favorites_item_type";
  DROP TYPE "public"."enum_saved_searches_alert_frequency";
  DROP TYPE "public"."enum_search_queries_type";
  DROP TYPE "public"."enum_posts_status";
  DROP TYPE "public"."enum__posts_v_version_status";
  DROP TYPE "public"."enum__posts_v_published_locale";
  DROP TYPE "public"."enum_comments_status";
  DROP TYPE "public"."enum_reviews_status";
  DROP TYPE "public"."enum_votes_value";
  DROP TYPE "public"."enum_forum_threads_status";
  DROP TYPE "public"."enum_forum_responses_status";
  DROP TYPE "public"."enum_contact_submissions_status";
  DROP TYPE "public"."enum_notifications_type";
  DROP TYPE "public"."enum_notifications_email_status";
  DROP TYPE "public"."enum_negotiations_offers_by";
  DROP TYPE "public"."enum_negotiations_status";
  DROP TYPE "public"."enum_negotiations_turn";
  DROP TYPE "public"."enum_orders_items_fulfilment_status";
  DROP TYPE "public"."enum_orders_status";
  DROP TYPE "public"."enum_orders_payment_method";
  DROP TYPE "public"."enum_orders_payment_status";
  DROP TYPE "public"."enum_payments_provider";
  DROP TYPE "public"."enum_payments_status";
  DROP TYPE "public"."enum_payments_target_type";
  DROP TYPE "public"."enum_plans_billing_period";
  DROP TYPE "public"."enum_subscriptions_status";
  DROP TYPE "public"."enum_parking_spots_opening_hours_days_day";
  DROP TYPE "public"."enum_parking_spots_price_type";
  DROP TYPE "public"."enum_availability_blocks_type";
  DROP TYPE "public"."enum_parking_bookings_status";
  DROP TYPE "public"."enum_parking_bookings_price_type";
  DROP TYPE "public"."enum_parking_bookings_payment_status";
  DROP TYPE "public"."enum_parking_bookings_cancellation_reason";
  DROP TYPE "public"."enum_services_availability_working_days";
  DROP TYPE "public"."enum_services_category";
  DROP TYPE "public"."enum_service_bookings_tracking_status_history_status";
  DROP TYPE "public"."enum_service_bookings_tracking_status_history_actor_type";
  DROP TYPE "public"."enum_service_bookings_progress_stages_status";
  DROP TYPE "public"."enum_service_bookings_status";
  DROP TYPE "public"."enum_service_bookings_urgency";
  DROP TYPE "public"."enum_service_bookings_location_governorate";
  DROP TYPE "public"."enum_service_bookings_payment_status";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
