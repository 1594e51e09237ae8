/**
 * AutoHub's Payload configuration: the domain plugins, globals and adapters. No logic here.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { ar } from '@payloadcms/translations/languages/ar'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'

import { identityPlugin } from './collections/identity/plugin'
import { catalogPlugin } from './collections/catalog/plugin'
import { discoveryPlugin } from './collections/discovery/plugin'
import { contentPlugin } from './collections/content/plugin'
import { communityPlugin } from './collections/community/plugin'
import { negotiationPlugin } from './collections/negotiation/plugin'
import { commercePlugin } from './collections/commerce/plugin'
import { parkingPlugin } from './collections/parking/plugin'
import { servicesPlugin } from './collections/services/plugin'
import { analyticsPlugin } from './collections/analytics/plugin'
import { PlatformSettings } from './globals/PlatformSettings'
import { SiteSettings } from './globals/SiteSettings'
import { installDocumentReader } from './src/db/documents'
import { installStatementNames } from './src/db/plan-cache'
import { installReadBatcher } from './src/db/read-batch'
import { guardPool, type PoolLike } from './src/db/pool'
import { installJoinedTransactions, replicaPoolsOf } from './src/db/transaction'
import { applySqlMigrationsForPush, SQL_MIGRATION_TABLES } from './src/db/sql-migrations'
import { platformGraphqlQueries } from './src/http/graphql-select'
import { jobsConfig } from './src/jobs'
import { emailAdapter } from './src/lib/email'
import { env } from './src/lib/env'
import { CLIENT_ERROR } from './src/lib/http'
import { migrations } from './src/migrations'
import { plugins } from './src/plugins'
import { installInternalReads } from './src/plugins/internal-reads'
import { payloadOwnUnderRules } from './src/plugins/payload-own'

const dirname = path.dirname(fileURLToPath(import.meta.url))
/** Development and tests push the schema; production runs the committed migrations. */
const pushSchema = !env.isProduction && process.env.PAYLOAD_DB_PUSH !== 'false'

// Payload's own collections and globals (added while it sanitizes, after the plugins) under the same rules.
export default buildConfig({
  secret: env.payloadSecret,
  serverURL: process.env.SERVER_URL || undefined,
  telemetry: false,
  admin: {
    user: 'users',
    meta: { titleSuffix: ' — AutoHub' },
    // No gravatar: Payload's default sends an MD5 of each user's email to a third party.
    avatar: 'default',
    importMap: { baseDir: dirname, importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js') },
    // "Sign in with …" buttons for the configured OpenID Connect providers (docs/identity.md).
    components: { afterLogin: ['/src/admin/SocialSignIn#SocialSignIn'] },
  },
  globals: [SiteSettings, PlatformSettings],
  editor: lexicalEditor(),
  db: postgresAdapter({
    pool: { connectionString: env.databaseUrl, max: env.dbPoolMax },
    idType: 'serial',
    push: pushSchema,
    migrationDir: path.resolve(dirname, 'src/migrations'),
    prodMigrations: migrations,
    readReplicas: env.databaseReplicaUrls.length ? env.databaseReplicaUrls : undefined,
    tablesFilter: SQL_MIGRATION_TABLES.map((t) => `!${t}`),
  }),
  localization: {
    locales: [
      { code: 'en', label: 'English' },
      { code: 'ar', label: 'العربية', rtl: true },
    ],
    defaultLocale: 'en',
    fallback: true,
  },
  i18n: { supportedLanguages: { en, ar }, fallbackLanguage: 'en' },
  defaultDepth: 1,
  maxDepth: 3,
  graphQL: {
    maxComplexity: env.graphqlMaxComplexity,
    disablePlaygroundInProduction: true,
    // Reads select by default when safe (src/http/graphql-select.ts); the built-in `Cars` and `Car` queries are answered by
    // the listing read path when it can (src/http/listing-read.ts).
    queries: platformGraphqlQueries as NonNullable<Config['graphQL']>['queries'],
  },
  cors: env.corsOrigins.length ? env.corsOrigins : undefined,
  // Cookie auth only from trusted origins: own origin + CORS_ORIGINS (+ loopback outside production), src/http/origins.ts.
  csrf: env.csrfOrigins,
  upload: { limits: { fileSize: env.uploadLimitBytes } },
  email: emailAdapter(),
  sharp,
  jobs: jobsConfig(),
  plugins: [
    // One plugin per domain, in dependency order: each adds its collections, endpoints, jobs, demo data and
    // machines, and attaches its hooks to earlier domains' collections (collections/<domain>/plugin.ts).
    identityPlugin,
    catalogPlugin,
    discoveryPlugin,
    contentPlugin,
    communityPlugin,
    negotiationPlugin,
    commercePlugin,
    parkingPlugin,
    servicesPlugin,
    // Analytics last: it attaches its history and audit hooks to the domains above.
    analyticsPlugin,
    // Platform plugins over every collection: SEO fields, S3 storage, admin scope, guards, privacy.
    ...plugins(),
  ],
  // Payload regenerates the types in a child process (the whole config loaded again) at every start outside production.
  // The dev server keeps that; tests do not: every test file starts Payload, and each start's child cost ≈ 3 s of CPU.
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: !env.isTest },
  logger: { options: { level: env.logLevel } },
  // Payload types only its own error names; ours (4xx HttpErrors, src/lib/http.ts) is logged as info.
  loggingLevels: { [CLIENT_ERROR]: 'info' } as Config['loggingLevels'],
  debug: false,
  onInit: async (payload) => {
    // A dropped idle connection (database restart, failover) must be logged, not crash the process; a transaction's
    // concurrent queries wait their turn here rather than in node-postgres's deprecated queue (src/db/pool.ts).
    guardPool((payload.db as unknown as { pool?: PoolLike }).pool, payload.logger, 'database pool')
    replicaPoolsOf<PoolLike>(payload).forEach((pool, i) => guardPool(pool, payload.logger, `read replica ${i + 1} pool`))
    // Documents built as JSON by PostgreSQL instead of drizzle's relational query and row transform (src/db/documents.ts).
    installDocumentReader(payload)
    // Document statements and writes named once their text repeats, so PostgreSQL plans each once per connection
    // (src/db/plan-cache.ts); with SQL_PLAN_CACHE=off, the statements of one turn (a request's population, concurrent
    // requests) are sent as one instead (src/db/read-batch.ts).
    installStatementNames(payload)
    installReadBatcher(payload)
    // Only the opener ends a transaction: a Local API call joining one holds it for the call (src/db/transaction.ts).
    installJoinedTransactions(payload)
    // Internal reads by id (access overridden, the stored document) by that statement alone (src/plugins/internal-reads.ts).
    installInternalReads(payload)
    // Production migrates (prodMigrations); a dev/test schema push knows nothing of the migrations' custom SQL.
    if (pushSchema) await applySqlMigrationsForPush(payload)
  },
}).then(payloadOwnUnderRules)
