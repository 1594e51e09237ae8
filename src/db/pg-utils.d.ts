/** node-postgres's value mapping (pg/lib/utils.js has no types of its own): what the client sends for a parameter. */
declare module 'pg/lib/utils.js' {
  const utils: { prepareValue(value: unknown): string | Buffer | null }
  export default utils
}
