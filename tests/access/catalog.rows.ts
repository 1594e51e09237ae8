import { type AccessRow, rule, rules } from './types'

const REFERENCE = ['makes', 'models', 'features', 'part-categories', 'part-brands']

//                                                  anon buyer seller editor tech owner admin
export const rows: AccessRow[] = [
  ...REFERENCE.flatMap((slug) => [
    rule(slug, 'read', '                            y    y     y      y      y    y     y'),
    ...rules(slug, ['create', 'update'], '          n    n     n      y      n    n     y'),
    rule(slug, 'delete', '                          n    n     n      n      n    n     y'),
  ]),
  ...['cars', 'parts'].flatMap((slug) => [
    rule(slug, 'read', '                            f    f     f      y      f    f     y'),
    rule(slug, 'create', '                          n    n     y      n      n    n     y'),
    ...rules(slug, ['update', 'delete'], '          n    n     f      n      n    n     y'),
  ]),
  rule('dealers', 'read', '                         y    y     y      y      y    y     y'),
  rule('dealers', 'create', '                       n    n     y      n      n    n     y'),
  rule('dealers', 'update', '                       n    n     f      n      n    n     y'),
  rule('dealers', 'delete', '                       n    n     n      n      n    n     y'),
  // Dealer bulk imports: written only by POST /api/inventory-imports/import and its job.
  rule('inventory-imports', 'read', '               n    f     f      f      f    f     y'),
  ...rules('inventory-imports', ['create', 'update'], ' n    n     n      n      n    n     n'),
  rule('inventory-imports', 'delete', '             n    n     n      n      n    n     y'),
]
