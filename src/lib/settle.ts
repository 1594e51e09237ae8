/**
 * `Promise.all` for work that may run inside a request's transaction (anything given `req` or a `tx`): waits for
 * every branch to end, then gives their values in order or throws the first failed branch's error. With
 * `Promise.all` a failing branch lets the caller roll back — and release the transaction's connection — while the
 * others still send statements, which then run outside any transaction, on whatever uses that connection next
 * (tests/int/foundation/pool-queries.test.ts shows it). ESLint refuses `Promise.all` in the server code for this.
 */
export async function allSettledOrThrow<T extends readonly unknown[]>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(work)
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> }
}
