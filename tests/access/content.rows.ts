import { type AccessRow, rule } from './types'

//                                         anon buyer seller editor tech owner admin
export const rows: AccessRow[] = [
  rule('posts', 'read', '                    f    f     f      y      f    f     y'),
  rule('posts', 'create', '                  n    n     n      y      n    n     y'),
  rule('posts', 'update', '                  n    n     n      y      n    n     y'),
  rule('posts', 'delete', '                  n    n     n      y      n    n     y'),
  rule('categories', 'read', '               f    f     f      y      f    f     y'),
  rule('categories', 'create', '             n    n     n      y      n    n     y'),
  rule('categories', 'update', '             n    n     n      y      n    n     y'),
  rule('categories', 'delete', '             n    n     n      y      n    n     y'),
  rule('tags', 'read', '                     f    f     f      y      f    f     y'),
  rule('tags', 'create', '                   n    n     n      y      n    n     y'),
  rule('tags', 'update', '                   n    n     n      y      n    n     y'),
  rule('tags', 'delete', '                   n    n     n      y      n    n     y'),
  rule('comments', 'read', '                 f    f     f      y      f    f     y'),
  rule('comments', 'create', '               y    y     y      y      y    y     y'),
  rule('comments', 'update', '               n    n     n      y      n    n     y'),
  rule('comments', 'delete', '               n    f     f      y      f    f     y'),
  rule('testimonials', 'read', '             f    f     f      y      f    f     y'),
  rule('testimonials', 'create', '           n    n     n      y      n    n     y'),
  rule('testimonials', 'update', '           n    n     n      y      n    n     y'),
  rule('testimonials', 'delete', '           n    n     n      y      n    n     y'),
  rule('partners', 'read', '                 f    f     f      y      f    f     y'),
  rule('partners', 'create', '               n    n     n      y      n    n     y'),
  rule('partners', 'update', '               n    n     n      y      n    n     y'),
  rule('partners', 'delete', '               n    n     n      y      n    n     y'),
]
