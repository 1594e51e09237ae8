import { causeChain } from '../db/errors'

/** PostgreSQL's 25P02: a statement sent after an earlier one failed in the same transaction. */
const isAbortedTransaction = (err: unknown) => [...causeChain(err)].some((e) => (e as { code?: unknown }).code === '25P02')

/**
 * `Promise.all` for work that may run inside a request's transaction (anything given `req` or a `tx`): waits for
 * every branch to end, then gives their values in order or throws the first failed branch's error — the one that
 * caused the others when a failed statement aborted the transaction under them. With `Promise.all` a failing branch
 * lets the caller roll back — and release the transaction's connection — while the others still send statements,
 * which then run outside any transaction, on whatever uses that connection next (tests/int/foundation/pool-queries.test.ts
 * shows it). ESLint refuses `Promise.all` in the server code for this. (A failing Payload operation does not end a
 * transaction that `withTransaction` holds either: src/db/transaction.ts.)
 */
export async function allSettledOrThrow<T extends readonly unknown[]>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(work)
  const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason)
  // A statement that failed aborts the transaction, and every statement of the other branches after it then fails
  // with "current transaction is aborted": the error thrown is the one that caused them.
  if (failures.length) throw failures.find((reason) => !isAbortedTransaction(reason)) ?? failures[0]
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> }
}
