import { type AccessRow, rule } from './types'

//                                         anon buyer seller editor tech owner admin
export const rows: AccessRow[] = [
  rule('users', 'read', '                    f    f     f      y      f    f     y'),
  rule('users', 'create', '                  y    y     y      y      y    y     y'),
  rule('users', 'update', '                  n    f     f      f      f    f     y'),
  rule('users', 'delete', '                  n    n     n      n      n    n     y'),
  rule('login-events', 'read', '             n    f     f      f      f    f     y'),
  rule('login-events', 'create', '           n    n     n      n      n    n     n'),
  rule('login-events', 'update', '           n    n     n      n      n    n     n'),
  rule('login-events', 'delete', '           n    n     n      n      n    n     y'),
  rule('media', 'read', '                    y    y     y      y      y    y     y'),
  rule('media', 'create', '                  n    y     y      y      y    y     y'),
  rule('media', 'update', '                  n    f     f      f      f    f     y'),
  rule('media', 'delete', '                  n    f     f      f      f    f     y'),
  // private verification documents: the uploader and admins only
  rule('verification-documents', 'read', '   n    f     f      f      f    f     y'),
  rule('verification-documents', 'create', ' n    y     y      y      y    y     y'),
  rule('verification-documents', 'update', ' n    f     f      f      f    f     y'),
  rule('verification-documents', 'delete', ' n    f     f      f      f    f     y'),
  // phone verification codes and failures: written by the phone operations only, admins read
  rule('phone-verifications', 'read', '      n    n     n      n      n    n     y'),
  rule('phone-verifications', 'create', '    n    n     n      n      n    n     n'),
  rule('phone-verifications', 'update', '    n    n     n      n      n    n     n'),
  rule('phone-verifications', 'delete', '    n    n     n      n      n    n     y'),
]
