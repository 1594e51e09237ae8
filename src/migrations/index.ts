import * as migration_20261122_040210_initial from './20261122_040210_initial';
import * as migration_20261130_214621_security_surface from './20261130_214621_security_surface';
import * as migration_20261201_033000_database_extras from './20261201_033000_database_extras';
import * as migration_20261201_050000_search_documents from './20261201_050000_search_documents';
import * as migration_20261201_073657_issues_18_to_21 from './20261201_073657_issues_18_to_21';
import * as migration_20261201_092911_stripe_plugin_plans from './20261201_092911_stripe_plugin_plans';
import * as migration_20261201_110000_analytics_counters from './20261201_110000_analytics_counters';
import * as migration_20261201_111254_loyalty_booking_alerts from './20261201_111254_loyalty_booking_alerts';
import * as migration_20261201_170000_search_index_tuning from './20261201_170000_search_index_tuning';
import * as migration_20261204_003408_carts_without_edit_locks from './20261204_003408_carts_without_edit_locks';
import * as migration_20261205_053747_notification_email_retries from './20261205_053747_notification_email_retries';
import * as migration_20261205_080000_suggestion_title_index from './20261205_080000_suggestion_title_index';
import * as migration_20261206_120000_sql_refusals from './20261206_120000_sql_refusals';

export const migrations = [
  {
    up: migration_20261122_040210_initial.up,
    down: migration_20261122_040210_initial.down,
    name: '20261122_040210_initial',
  },
  {
    up: migration_20261130_214621_security_surface.up,
    down: migration_20261130_214621_security_surface.down,
    name: '20261130_214621_security_surface',
  },
  {
    up: migration_20261201_033000_database_extras.up,
    down: migration_20261201_033000_database_extras.down,
    name: '20261201_033000_database_extras',
  },
  {
    up: migration_20261201_050000_search_documents.up,
    down: migration_20261201_050000_search_documents.down,
    name: '20261201_050000_search_documents',
  },
  {
    up: migration_20261201_073657_issues_18_to_21.up,
    down: migration_20261201_073657_issues_18_to_21.down,
    name: '20261201_073657_issues_18_to_21',
  },
  {
    up: migration_20261201_092911_stripe_plugin_plans.up,
    down: migration_20261201_092911_stripe_plugin_plans.down,
    name: '20261201_092911_stripe_plugin_plans',
  },
  {
    up: migration_20261201_110000_analytics_counters.up,
    down: migration_20261201_110000_analytics_counters.down,
    name: '20261201_110000_analytics_counters',
  },
  {
    up: migration_20261201_111254_loyalty_booking_alerts.up,
    down: migration_20261201_111254_loyalty_booking_alerts.down,
    name: '20261201_111254_loyalty_booking_alerts',
  },
  {
    up: migration_20261201_170000_search_index_tuning.up,
    down: migration_20261201_170000_search_index_tuning.down,
    name: '20261201_170000_search_index_tuning',
  },
  {
    up: migration_20261204_003408_carts_without_edit_locks.up,
    down: migration_20261204_003408_carts_without_edit_locks.down,
    name: '20261204_003408_carts_without_edit_locks',
  },
  {
    up: migration_20261205_053747_notification_email_retries.up,
    down: migration_20261205_053747_notification_email_retries.down,
    name: '20261205_053747_notification_email_retries'
  },
  {
    up: migration_20261205_080000_suggestion_title_index.up,
    down: migration_20261205_080000_suggestion_title_index.down,
    name: '20261205_080000_suggestion_title_index',
  },
  {
    up: migration_20261206_120000_sql_refusals.up,
    down: migration_20261206_120000_sql_refusals.down,
    name: '20261206_120000_sql_refusals',
  },
];
