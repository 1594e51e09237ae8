import { type AccessRow, rule, rules } from './types'

// Analytics: the daily listing history is the seller's own (f = rows where seller = caller), written by hooks only;
// the audit log is read by admins and written by hooks only — nobody updates or deletes it.
//                                                       anon buyer seller editor tech owner admin
export const rows: AccessRow[] = [
  rule('listing-daily-stats', 'read', '                    n    f     f      f      f    f     y'),
  ...rules('listing-daily-stats', ['create', 'update', 'delete'], 'n n n n n n n'),
  rule('audit-log', 'read', '                              n    n     n      n      n    n     y'),
  ...rules('audit-log', ['create', 'update', 'delete'], '      n n n n n n n'),
]
