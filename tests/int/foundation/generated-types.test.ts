/**
 * payload-types.ts is what `npm run generate:types` renders from the current config. Payload regenerates it at
 * every start outside production, but not in tests (payload.config.ts: each test file's start would load the whole
 * config again in a child process), so this file is the check: it renders the types into a temporary file and
 * compares. No database: building the config does not connect.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { generateTypes } from 'payload/node'
import { afterAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../..')
const dir = mkdtempSync(path.join(os.tmpdir(), 'autohub-types-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Renders the config's types into `file` (Payload writes only when the file's content differs). */
async function render(file: string): Promise<string> {
  const config = await (await import('../../../payload.config')).default
  const previous = process.env.PAYLOAD_TS_OUTPUT_PATH
  process.env.PAYLOAD_TS_OUTPUT_PATH = file
  try {
    await generateTypes(config, { log: false })
  } finally {
    if (previous === undefined) delete process.env.PAYLOAD_TS_OUTPUT_PATH
    else process.env.PAYLOAD_TS_OUTPUT_PATH = previous
  }
  return readFileSync(file, 'utf8')
}

describe('payload-types.ts', () => {
  it('is what generate:types renders from the current config (regenerate with: npm run generate:types)', async () => {
    const rendered = await render(path.join(dir, 'payload-types.ts'))
    expect(rendered).toContain('export interface Config {')
    const committed = readFileSync(path.join(root, 'payload-types.ts'), 'utf8')
    expect(rendered === committed, 'payload-types.ts is stale: run npm run generate:types').toBe(true)
  })
})
