/** discovery: SQL the ORM cannot express (see ./index.ts). Idempotent statements only. */
export const statements: string[] = []
