/**
 * Push mode re-applies the custom-SQL migrations' statements at every start (src/db/sql-migrations.ts): an index a later
 * statement drops is not built first.
 */
import { describe, expect, it } from 'vitest'

import { SQL_MIGRATION_STATEMENTS, withoutSupersededIndexes } from '../../../src/db/sql-migrations'

const create = (name: string, on = 't (a)') => `create index if not exists ${name} on ${on}`
const drop = (name: string) => `drop index if exists ${name}`

describe('withoutSupersededIndexes', () => {
  it('leaves out the build of an index a later statement drops, and keeps the drop', () => {
    expect(withoutSupersededIndexes([create('old_idx'), create('new_idx', 't (a, b)'), drop('old_idx')])).toEqual([create('new_idx', 't (a, b)'), drop('old_idx')])
  })

  it('keeps the build when the index is named by another statement before the drop, or built again after it', () => {
    const used = [create('old_idx'), 'alter table t cluster on old_idx', drop('old_idx')]
    expect(withoutSupersededIndexes(used)).toEqual(used)
    const rebuilt = [create('x_idx'), drop('x_idx'), create('x_idx', 't (b)')]
    expect(withoutSupersededIndexes(rebuilt)).toEqual([drop('x_idx'), create('x_idx', 't (b)')])
  })

  it('tells names apart: a longer name, a quoted name, a unique index', () => {
    const list = [create('a_idx'), create('a_idx_2'), drop('a_idx_2'), 'create unique index if not exists "b_idx" on t (b)', drop('"b_idx"')]
    expect(withoutSupersededIndexes(list)).toEqual([create('a_idx'), drop('a_idx_2'), drop('"b_idx"')])
    expect(withoutSupersededIndexes([create('c_idx'), drop('c_idx_old')])).toEqual([create('c_idx'), drop('c_idx_old')])
  })

  it('in the migrations: no index a push builds is dropped later, and the title-only prefix indexes are not built', () => {
    const built = SQL_MIGRATION_STATEMENTS.flatMap((s, i) => {
      const name = /^create (?:unique )?index if not exists "?([\w$]+)"?/i.exec(s)?.[1]
      return name ? [{ name, i }] : []
    })
    expect(built.length).toBeGreaterThan(20)
    for (const { name, i } of built) expect(SQL_MIGRATION_STATEMENTS.slice(i + 1), name).not.toContain(drop(name))
    expect(SQL_MIGRATION_STATEMENTS.filter((s) => /_search_docs_title_prefix_idx on/.test(s))).toEqual([])
    expect(SQL_MIGRATION_STATEMENTS).toContain(drop('car_search_docs_title_prefix_idx'))
  })
})
