/**
 * patches/to-snake-case+1.0.0.patch keeps the conversions of Payload's drizzle adapter (field name → column name) in
 * a bounded map. The answers are the package's own: computed once, then the same from the map, and after the map is
 * cleared (more than 10,000 distinct names).
 */
import { createRequire } from 'node:module'

import { describe, expect, it } from 'vitest'

// CommonJS packages without types, loaded as Payload's drizzle adapter loads them.
const require = createRequire(import.meta.url)
const toSnakeCase = require('to-snake-case') as (s: string) => string
const toSpaceCase = require('to-space-case') as (s: string) => string

const upstream = (s: string) => toSpaceCase(s).replace(/\s/g, '_')
const NAMES = ['title', 'fooBar', 'priceHistory', '_order', '_parent_id', 'meta.title', 'a b-c', 'HTMLParser', 'version_fooBar', 'ünïcode', '', 'x1y2Z3']

describe('to-snake-case, patched', () => {
  it("answers as the package's own algorithm, first and later calls", () => {
    for (const name of NAMES) {
      expect(toSnakeCase(name)).toBe(upstream(name))
      expect(toSnakeCase(name)).toBe(upstream(name))
    }
  })

  it('stays right past the bound of its map (it is cleared, not grown)', () => {
    for (let i = 0; i < 12_000; i++) expect(toSnakeCase(`fieldName${i}Here`)).toBe(`field_name${i}_here`)
    for (const name of NAMES) expect(toSnakeCase(name)).toBe(upstream(name))
  })
})
