/** The suite's file order (tests/setup/sequencer.ts): the measured longest files first, the rest in vitest's order. */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { LONGEST_FILES, longestFirst } from '../../setup/sequencer'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

describe('the longest-first file order', () => {
  it('names only test files that exist (a renamed file would silently lose its place)', () => {
    for (const file of LONGEST_FILES) expect(fs.existsSync(path.join(root, file)), file).toBe(true)
  })

  it('moves the listed files to the front in their listed order and keeps the others in the order given', () => {
    const ids = ['/r/tests/unit/a.test.ts', `/r/${LONGEST_FILES[2]}`, '/r/tests/int/b.test.ts', `/r/${LONGEST_FILES[0]}`, '/r/tests/http/c.test.ts']
    expect(longestFirst(ids, (f) => f)).toEqual([`/r/${LONGEST_FILES[0]}`, `/r/${LONGEST_FILES[2]}`, '/r/tests/unit/a.test.ts', '/r/tests/int/b.test.ts', '/r/tests/http/c.test.ts'])
  })

  it('matches from a path segment on (old-tests/… is not tests/…) and with Windows separators', () => {
    const lookalike = `/r/old-${LONGEST_FILES[0]}`
    const windows = `C:\\r\\${LONGEST_FILES[1].replaceAll('/', '\\')}`
    expect(longestFirst([lookalike, windows], (f) => f)).toEqual([windows, lookalike])
  })
})
