/**
 * Test file order: vitest's own (failed first, then longest first by the durations it cached on this machine, else
 * largest file first), except that the browser tests start first. On a fresh clone there are no cached durations,
 * and the browser file — small, but the longest of the run (it compiles /admin in a Next dev server) — would
 * otherwise start last and run alone on one core while the other waits.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node'

export const startsFirst = (moduleId: string): boolean => /[\\/]tests[\\/]e2e[\\/]/.test(moduleId)

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    return [...sorted.filter((f) => startsFirst(f.moduleId)), ...sorted.filter((f) => !startsFirst(f.moduleId))]
  }
}
