/**
 * What a read-time hook reads. A field hook that derives its value from other fields (`whatsappLink` from
 * `contactPhone`) declares them: GraphQL reads then select by default whenever the query asks for those inputs
 * too (src/http/graphql-select.ts). A hook without a declaration makes its collection's GraphQL reads read
 * everything, as Payload does.
 *
 *   hooks: { afterRead: [readsFields(['contactPhone'], whatsappFromPhone)] }
 */
const READS = Symbol.for('autohub.reads')

/** Declares the top-level or dotted field paths `hook` reads besides its own field's value; returns the hook. */
export function readsFields<T extends object>(paths: readonly string[], hook: T): T {
  return Object.assign(hook, { [READS]: paths })
}

/** The declared paths of a hook, or null when it declares nothing. */
export function readsOf(hook: unknown): readonly string[] | null {
  return (hook as { [READS]?: readonly string[] } | null)?.[READS] ?? null
}

/** A Payload `select` of these top-level fields (a narrow read: only what the caller decides with). */
export function selectOf(fields: readonly string[]): Record<string, true> {
  return Object.fromEntries(fields.map((f) => [f, true as const]))
}
