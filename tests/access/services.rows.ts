import { type AccessRow, rule } from './types'

//                                                 anon buyer seller editor tech owner admin
export const rows: AccessRow[] = [
  // Active services are public; admins see inactive ones too and manage the catalogue.
  rule('services', 'read', '                         f    f     f      f      f    f     y'),
  rule('services', 'create', '                       n    n     n      n      n    n     y'),
  rule('services', 'update', '                       n    n     n      n      n    n     y'),
  rule('services', 'delete', '                       n    n     n      n      n    n     y'),
  // Public technician profiles (phone and live location are field-restricted to self + admins).
  rule('technicians', 'read', '                      y    y     y      y      y    y     y'),
  rule('technicians', 'create', '                    n    n     n      n      n    n     y'),
  rule('technicians', 'update', '                    n    n     n      n      f    n     y'),
  rule('technicians', 'delete', '                    n    n     n      n      n    n     y'),
  // Customers see their own bookings, technicians also the assigned ones, admins all.
  rule('service-bookings', 'read', '                 n    f     f      f      f    f     y'),
  rule('service-bookings', 'create', '               n    y     y      y      y    y     y'),
  rule('service-bookings', 'update', '               n    n     n      n      n    n     y'),
  rule('service-bookings', 'delete', '               n    n     n      n      n    n     y'),
  // loyalty: each user reads their own ledger and achievements; only the loyalty operations write
  rule('loyalty-ledger', 'read', '           n    f     f      f      f    f     y'),
  rule('loyalty-ledger', 'create', '         n    n     n      n      n    n     n'),
  rule('loyalty-ledger', 'update', '         n    n     n      n      n    n     n'),
  rule('loyalty-ledger', 'delete', '         n    n     n      n      n    n     n'),
  rule('achievements', 'read', '             n    f     f      f      f    f     y'),
  rule('achievements', 'create', '           n    n     n      n      n    n     n'),
  rule('achievements', 'update', '           n    n     n      n      n    n     n'),
  rule('achievements', 'delete', '           n    n     n      n      n    n     y'),
  // loyalty alerts raised (one per user and occasion): read by their user and admins, written by the loyalty operations only
  rule('loyalty-alerts', 'read', '           n    f     f      f      f    f     y'),
  rule('loyalty-alerts', 'create', '         n    n     n      n      n    n     n'),
  rule('loyalty-alerts', 'update', '         n    n     n      n      n    n     n'),
  rule('loyalty-alerts', 'delete', '         n    n     n      n      n    n     y'),
]
