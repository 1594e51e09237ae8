import { type AccessRow, rule } from './types'

//                                                 anon buyer seller editor tech owner admin
export const rows: AccessRow[] = [
  rule('vehicles', 'read', '                         n    f     f      f      f    f     y'),
  rule('vehicles', 'create', '                       n    y     y      y      y    y     y'),
  rule('vehicles', 'update', '                       n    f     f      f      f    f     y'),
  rule('vehicles', 'delete', '                       n    f     f      f      f    f     y'),
  rule('amenities', 'read', '                        y    y     y      y      y    y     y'),
  rule('amenities', 'create', '                      n    n     n      n      n    n     y'),
  rule('amenities', 'update', '                      n    n     n      n      n    n     y'),
  rule('amenities', 'delete', '                      n    n     n      n      n    n     y'),
  rule('parking-spots', 'read', '                    f    f     f      f      f    f     y'),
  rule('parking-spots', 'create', '                  n    n     n      n      n    y     y'),
  rule('parking-spots', 'update', '                  n    n     n      n      n    f     y'),
  rule('parking-spots', 'delete', '                  n    n     n      n      n    f     y'),
  rule('availability-blocks', 'read', '              n    n     n      n      n    f     y'),
  rule('availability-blocks', 'create', '            n    n     n      n      n    y     y'),
  rule('availability-blocks', 'update', '            n    n     n      n      n    f     y'),
  rule('availability-blocks', 'delete', '            n    n     n      n      n    f     y'),
  rule('parking-bookings', 'read', '                 n    f     f      f      f    f     y'),
  rule('parking-bookings', 'create', '               n    y     y      y      y    y     y'),
  rule('parking-bookings', 'update', '               n    n     n      n      n    n     y'),
  rule('parking-bookings', 'delete', '               n    n     n      n      n    n     y'),
]
