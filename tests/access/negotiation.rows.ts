import { type AccessRow, rule, rules } from './types'

//                                                  anon buyer seller editor tech owner admin
export const rows: AccessRow[] = [
  // Participants only (buyer or seller of the row); created and moved through the workflow endpoints.
  rule('negotiations', 'read', '                      n    f     f      f      f    f     y'),
  ...rules('negotiations', ['create', 'update', 'delete'], 'n n n n n n y'),
  // Saved calculations: written by POST /api/loan-calculator (save: true); each user sees their own.
  rule('loan-calculations', 'read', '                 n    f     f      f      f    f     y'),
  rule('loan-calculations', 'delete', '               n    f     f      f      f    f     y'),
  ...rules('loan-calculations', ['create', 'update'], 'n n n n n n y'),
  // Lenders' products: active ones are public.
  rule('financial-products', 'read', '                f    f     f      f      f    f     y'),
  ...rules('financial-products', ['create', 'update', 'delete'], 'n n n n n n y'),
]
