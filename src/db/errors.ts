/** Errors of the database: PostgreSQL's error behind what drizzle throws. */

/** An error and its `cause`s (drizzle wraps the PostgreSQL error: "Failed query: …"), at most five deep. */
export function* causeChain(err: unknown): Generator<object> {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) yield e
}
