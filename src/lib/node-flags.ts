/**
 * Node flags every AutoHub process runs with. The npm scripts spell the same flags out (package.json); the
 * processes that tests and the bench spawn take them from here.
 *
 * `--conditions=development|production`: packages are resolved straight to their development or production
 * build. Lexical's default Node entry (`*.node.mjs`, ~25 packages) picks the build with a top-level
 * `await import()`; Node 20 can deadlock evaluating many such modules that import one another while the
 * graph loads (timing-dependent: the process ends with exit 13, "unsettled top-level await", and no output —
 * 3–4 of 24–48 start-ups under load, measured with tsx's loader hooks adding latency to every resolution).
 * Naming the condition skips the `.node.mjs` wrappers: the same build the wrapper would have chosen, loaded
 * without top-level await.
 */
export function conditionFlag(production = process.env.NODE_ENV === 'production'): string {
  return `--conditions=${production ? 'production' : 'development'}`
}

/** `node` arguments for running a TypeScript entry with tsx: `[...tsxNodeArgs(), 'file.ts']`. */
export function tsxNodeArgs(production?: boolean): string[] {
  return [conditionFlag(production), '--import', 'tsx']
}
