import { type AccessRow, rule } from './types'

// Discovery: everything is the caller's own (f = rows where user = caller); admins see all.
//                                                anon buyer seller editor tech owner admin
export const rows: AccessRow[] = [
  rule('favorites', 'read', '                      n    f     f      f      f    f     y'),
  rule('favorites', 'create', '                    n    y     y      y      y    y     y'),
  rule('favorites', 'update', '                    n    n     n      n      n    n     n'),
  rule('favorites', 'delete', '                    n    f     f      f      f    f     y'),
  rule('wishlists', 'read', '                      n    f     f      f      f    f     y'),
  rule('wishlists', 'create', '                    n    y     y      y      y    y     y'),
  rule('wishlists', 'update', '                    n    f     f      f      f    f     y'),
  rule('wishlists', 'delete', '                    n    f     f      f      f    f     y'),
  rule('saved-searches', 'read', '                 n    f     f      f      f    f     y'),
  rule('saved-searches', 'create', '               n    y     y      y      y    y     y'),
  rule('saved-searches', 'update', '               n    f     f      f      f    f     y'),
  rule('saved-searches', 'delete', '               n    f     f      f      f    f     y'),
  rule('search-queries', 'read', '                 n    f     f      f      f    f     y'),
  rule('search-queries', 'create', '               n    n     n      n      n    n     n'),
  rule('search-queries', 'update', '               n    n     n      n      n    n     n'),
  rule('search-queries', 'delete', '               n    f     f      f      f    f     y'),
  rule('listing-views', 'read', '                  n    f     f      f      f    f     y'),
  rule('listing-views', 'create', '                n    n     n      n      n    n     n'),
  rule('listing-views', 'update', '                n    n     n      n      n    n     n'),
  rule('listing-views', 'delete', '                n    n     n      n      n    n     y'),
  rule('comparisons', 'read', '                    n    f     f      f      f    f     y'),
  rule('comparisons', 'create', '                  n    y     y      y      y    y     y'),
  rule('comparisons', 'update', '                  n    f     f      f      f    f     y'),
  rule('comparisons', 'delete', '                  n    f     f      f      f    f     y'),
]
