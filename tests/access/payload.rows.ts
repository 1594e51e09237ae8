import { type AccessRow, rule, rules } from './types'

// Payload's own collections, added while it sanitizes the config (src/plugins/payload-own.ts declares where its
// defaults let any signed-in user in). Preferences: each user's own (f = rows where user = caller); a signed-in user
// may create one (Payload names the caller as its user). Edit locks: those of the documents one may edit, from an
// account that may use the admin panel; Payload creates them through the adapter, no client does. Migrations, the jobs
// queue and the key-value store: no client at all (the jobs' run, queue and cancel endpoints are admin-only, src/jobs).
//                                                                anon buyer seller editor tech owner admin
export const rows: AccessRow[] = [
  rule('payload-preferences', 'create', '                          n    y     y      y      y    y     y'),
  ...rules('payload-preferences', ['read', 'update', 'delete'], '  n    f     f      f      f    f     f'),
  rule('payload-locked-documents', 'create', '                     n    n     n      n      n    n     n'),
  ...rules('payload-locked-documents', ['read', 'update', 'delete'], 'n    n     f      f      f    f     y'),
  ...['payload-migrations', 'payload-jobs', 'payload-kv'].flatMap((slug) => rules(slug, ['create', 'read', 'update', 'delete'], 'n n n n n n n')),
]
