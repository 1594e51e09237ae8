/** Which statement texts get a name, and which name (src/db/plan-cache.ts). */
import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { StatementNames, STATEMENT_NAMES } from '../../../src/db/plan-cache'

const digest = (text: string) => `ah_${createHash('md5').update(text).digest('hex')}`

describe('StatementNames', () => {
  it('names a text from its second sighting on, by a digest of the text', () => {
    const names = new StatementNames()
    expect(names.nameOf('select 1')).toBeUndefined()
    expect(names.nameOf('select 1')).toBe(digest('select 1'))
    expect(names.nameOf('select 1')).toBe(digest('select 1'))
    expect(names.nameOf('select 2')).toBeUndefined()
    expect(names.size).toBe(1)
    // another process (or instance) names the same text alike; names fit PostgreSQL's 63 bytes
    const other = new StatementNames()
    other.nameOf('select 1')
    expect(other.nameOf('select 1')).toBe(names.nameOf('select 1'))
    expect(digest('select 1').length).toBeLessThanOrEqual(63)
  })

  it('names at most `capacity` texts; the named keep their names', () => {
    const names = new StatementNames(3)
    for (const text of ['a', 'b', 'c', 'd']) {
      names.nameOf(text)
      names.nameOf(text)
    }
    expect(names.size).toBe(3)
    expect(names.nameOf('d')).toBeUndefined()
    expect(names.nameOf('d')).toBeUndefined()
    expect(names.nameOf('a')).toBe(digest('a'))
    expect(STATEMENT_NAMES).toBeGreaterThanOrEqual(100)
  })

  it('forgets texts seen once after 1,000 of them (a text that never repeats costs nothing for long)', () => {
    const names = new StatementNames()
    names.nameOf('first')
    for (let i = 0; i < 1_000; i++) names.nameOf(`once ${i}`)
    // "first" was forgotten with the others: its next sighting counts as the first again
    expect(names.nameOf('first')).toBeUndefined()
    expect(names.nameOf('first')).toBe(digest('first'))
  })
})
