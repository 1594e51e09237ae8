/**
 * The access matrix: collection × operation × role → allowed (`true`), denied (`false`) or row-filtered
 * (`'filtered'`: a `Where` restricts the rows, e.g. owner-only or published-only). Every domain adds a
 * `tests/access/<domain>.rows.ts`; tests/int/access-matrix.test.ts checks every row and that every
 * collection has a row for every operation.
 */
export type Expect = true | false | 'filtered'
export const MATRIX_ROLES = ['anonymous', 'buyer', 'seller', 'editor', 'technician', 'parking_owner', 'admin'] as const
export type MatrixRole = (typeof MATRIX_ROLES)[number]
export type Op = 'create' | 'read' | 'update' | 'delete'

export interface AccessRow {
  collection: string
  op: Op
  expect: Record<MatrixRole, Expect>
}

/**
 * Compact row: the expectations in MATRIX_ROLES order, as a string of
 * `y` (allowed), `n` (denied) and `f` (filtered), e.g. `rule('cars', 'read', 'f f f f f f y')`.
 */
export function rule(collection: string, op: Op, spec: string): AccessRow {
  const parts = spec.trim().split(/\s+/)
  if (parts.length !== MATRIX_ROLES.length) throw new Error(`${collection}.${op}: expected ${MATRIX_ROLES.length} entries, got "${spec}"`)
  const map = { y: true, n: false, f: 'filtered' } as const
  const expect = Object.fromEntries(
    MATRIX_ROLES.map((r, i) => {
      const v = map[parts[i] as keyof typeof map]
      if (v === undefined) throw new Error(`${collection}.${op}: bad entry "${parts[i]}"`)
      return [r, v]
    }),
  ) as Record<MatrixRole, Expect>
  return { collection, op, expect }
}

/** The same spec for several operations. */
export const rules = (collection: string, ops: Op[], spec: string): AccessRow[] => ops.map((op) => rule(collection, op, spec))
