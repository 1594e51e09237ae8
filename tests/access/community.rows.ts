import { type AccessRow, rule, rules } from './types'

//                                                  anon buyer seller editor tech owner admin
export const rows: AccessRow[] = [
  rule('notifications', 'read', '                     n    f     f      f      f    f     y'),
  rule('notifications', 'create', '                   n    n     n      n      n    n     y'),
  rule('notifications', 'update', '                   n    f     f      f      f    f     y'),
  rule('notifications', 'delete', '                   n    f     f      f      f    f     y'),
  // reviews: the public sees approved ones; authors and reviewed owners their own; editors moderate
  rule('reviews', 'read', '                           f    f     f      y      f    f     y'),
  rule('reviews', 'create', '                         n    y     y      y      y    y     y'),
  ...rules('reviews', ['update', 'delete'], '          n    f     f      y      f    f     y'),
  rule('votes', 'read', '                             n    f     f      f      f    f     y'),
  rule('votes', 'create', '                           n    y     y      y      y    y     y'),
  ...rules('votes', ['update', 'delete'], '            n    f     f      f      f    f     y'),
  rule('forum-categories', 'read', '                  y    y     y      y      y    y     y'),
  ...rules('forum-categories', ['create', 'update', 'delete'], 'n n n y n n y'),
  rule('forum-threads', 'read', '                     y    y     y      y      y    y     y'),
  rule('forum-threads', 'create', '                   n    y     y      y      y    y     y'),
  ...rules('forum-threads', ['update', 'delete'], '    n    f     f      y      f    f     y'),
  rule('forum-responses', 'read', '                   f    f     f      y      f    f     y'),
  rule('forum-responses', 'create', '                 n    y     y      y      y    y     y'),
  ...rules('forum-responses', ['update', 'delete'], '  n    f     f      y      f    f     y'),
  // messaging: participants only; writes through the endpoints
  rule('conversations', 'read', '                     n    f     f      f      f    f     y'),
  rule('conversations', 'create', '                   n    y     y      y      y    y     y'),
  ...rules('conversations', ['update', 'delete'], '    n    n     n      n      n    n     y'),
  rule('messages', 'read', '                          n    f     f      f      f    f     y'),
  rule('messages', 'create', '                        n    y     y      y      y    y     y'),
  ...rules('messages', ['update', 'delete'], '         n    n     n      n      n    n     y'),
  // contact submissions: anyone sends one through POST /api/contact-submissions (the workflow endpoint: rate limited per
  // IP, honeypot, mailed); the built-in create (GraphQL, admin panel) is the admins'
  ...rules('contact-submissions', ['create', 'read', 'update', 'delete'], 'n n n n n n y'),
  // identity/ExpertVerifications.ts (owned by community)
  rule('expert-verifications', 'read', '              n    f     f      f      f    f     y'),
  rule('expert-verifications', 'create', '            n    y     y      y      y    y     y'),
  ...rules('expert-verifications', ['update', 'delete'], 'n n n n n n y'),
  // notification templates: editors and admins manage them
  ...rules('notification-templates', ['read', 'create', 'update', 'delete'], 'n n n y n n y'),
  // push subscriptions: registered through /register (an upsert), read and removed by their owner
  rule('push-subscriptions', 'read', '       n    f     f      f      f    f     y'),
  rule('push-subscriptions', 'create', '     n    n     n      n      n    n     n'),
  rule('push-subscriptions', 'update', '     n    n     n      n      n    n     n'),
  rule('push-subscriptions', 'delete', '     n    f     f      f      f    f     y'),
  // SMS/push delivery records: written by the notification service, admins read
  rule('notification-deliveries', 'read', '  n    n     n      n      n    n     y'),
  rule('notification-deliveries', 'create', 'n    n     n      n      n    n     n'),
  rule('notification-deliveries', 'update', 'n    n     n      n      n    n     n'),
  rule('notification-deliveries', 'delete', 'n    n     n      n      n    n     y'),
]
