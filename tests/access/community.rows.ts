import { type AccessRow, rule } from './types'

//                                           anon buyer seller editor tech owner admin
export const rows: AccessRow[] = [
  rule('notifications', 'read', '              n    f     f      f      f    f     y'),
  rule('notifications', 'create', '            n    n     n      n      n    n     y'),
  rule('notifications', 'update', '            n    f     f      f      f    f     y'),
  rule('notifications', 'delete', '            n    f     f      f      f    f     y'),
]
