import { type AccessRow, rule } from './types'

// Carts, orders, payments and subscriptions are written by the commerce endpoints (Local API), never by
// plain REST/GraphQL writes; users read their own rows, sellers the orders holding their lines.
//                                           anon buyer seller editor tech owner admin
export const rows: AccessRow[] = [
  rule('carts', 'read', '                      n    f     f      f      f    f     y'),
  rule('carts', 'create', '                    n    n     n      n      n    n     y'),
  rule('carts', 'update', '                    n    n     n      n      n    n     y'),
  rule('carts', 'delete', '                    n    f     f      f      f    f     y'),
  rule('orders', 'read', '                     n    f     f      f      f    f     y'),
  rule('orders', 'create', '                   n    n     n      n      n    n     y'),
  rule('orders', 'update', '                   n    n     n      n      n    n     y'),
  rule('orders', 'delete', '                   n    n     n      n      n    n     y'),
  rule('payments', 'read', '                   n    f     f      f      f    f     y'),
  rule('payments', 'create', '                 n    n     n      n      n    n     y'),
  rule('payments', 'update', '                 n    n     n      n      n    n     y'),
  rule('payments', 'delete', '                 n    n     n      n      n    n     y'),
  rule('plans', 'read', '                      f    f     f      f      f    f     y'),
  rule('plans', 'create', '                    n    n     n      n      n    n     y'),
  rule('plans', 'update', '                    n    n     n      n      n    n     y'),
  rule('plans', 'delete', '                    n    n     n      n      n    n     y'),
  rule('subscriptions', 'read', '              n    f     f      f      f    f     y'),
  rule('subscriptions', 'create', '            n    n     n      n      n    n     y'),
  rule('subscriptions', 'update', '            n    n     n      n      n    n     y'),
  rule('subscriptions', 'delete', '            n    n     n      n      n    n     y'),
]
