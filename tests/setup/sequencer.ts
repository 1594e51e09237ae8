/**
 * File order for a run without vitest's results cache (CI's fresh clone): vitest then starts the largest files
 * first, and a long file started late leaves the other worker idle at the end (e2e/admin.test.ts, ~60 s, ran alone
 * for the last ~100 s of a 2-worker run). The files measured as the longest (vitest's JSON reporter, 2026-12-02,
 * each ≥ 30 s) start first; everything else keeps vitest's own order. With a results cache vitest already orders
 * by measured duration, and the files below come first in that order too.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node'

export const LONGEST_FILES = [
  'tests/e2e/every-view.test.ts', // ≈ 220 s alone, ≈ 330 s beside the other worker (2026-12-07)
  'tests/int/foundation/exit-codes.test.ts',
  'tests/int/foundation/surface-audit.test.ts',
  'tests/e2e/admin.test.ts',
  'tests/int/foundation/never-500.test.ts',
  'tests/int/foundation/transitions-own-effects.test.ts',
]

export function longestFirst<T>(files: readonly T[], idOf: (f: T) => string): T[] {
  const rank = (f: T) => {
    const id = idOf(f).replaceAll('\\', '/')
    const i = LONGEST_FILES.findIndex((p) => id.endsWith(`/${p}`))
    return i === -1 ? LONGEST_FILES.length : i
  }
  return files
    .map((f, i) => ({ f, i, r: rank(f) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.f)
}

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return longestFirst(await super.sort(files), (f) => f.moduleId)
  }
}
