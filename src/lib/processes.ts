/**
 * Whether the process `pid` runs: signal 0 checks existence and permission only. EPERM means it runs under another
 * user. Used where a process's work outlives it under its pid: the bench's work-directory lock, the test files'
 * databases (tests/setup/file-databases.ts), the embedded cluster's supervisor in the exit-code tests.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
