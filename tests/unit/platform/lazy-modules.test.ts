/**
 * Modules that every process loading the config used to load, and that only a rare path needs, now load on that
 * path (docs/performance.md, "Start-up"): ≈ 0.5 s less module loading for every server, worker, CLI and test process.
 * - @payloadcms/storage-s3 and the AWS SDK: only when S3 is configured (src/plugins/index.ts).
 * - stripe: the project's copy when a Stripe client is first needed (endpoints/commerce/operations/stripe.ts), the
 *   Stripe plugin's own older copy when the plugin first makes a client (patches/@payloadcms+plugin-stripe+3.89.0.patch,
 *   utilities/loadStripe.js).
 * - undici: on Payload's first fetch of an external file (patches/payload+3.89.0.patch, uploads/safeFetch.js).
 * - payload/node → json-schema-to-typescript → prettier: only when the adapter's blocks-to-JSON migration rewrites the
 *   config file (patches/@payloadcms+drizzle+3.89.0.patch, utilities/blocksToJsonMigrator.js).
 * - nodemailer with the first email (src/lib/email.ts writes Payload's adapter itself), web-push with the first push
 *   (src/notifications/push.ts), openid-client with the first sign-in through a provider
 *   (endpoints/identity/operations/oidc.ts), libphonenumber-js with the first phone verification
 *   (src/domain/identity/international-phone.ts).
 * The config is loaded in a child process that records every module it resolves; the patched safeFetch still
 * refuses private addresses, by literal and by name, with the dispatcher built on first use.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { describe, expect, it } from 'vitest'

import { tsxNodeArgs } from '../../../src/lib/node-flags'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

describe('modules loaded with the config', () => {
  it('exclude the S3 storage plugin without S3, the Stripe SDK, undici, the type generator, nodemailer, web-push, openid-client and libphonenumber-js, and include what every request needs', () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'autohub-loads-')), 'loads.txt')
    const env: NodeJS.ProcessEnv = { ...process.env, LOAD_LOG: log, DATABASE_URL: 'postgres://x@127.0.0.1:1/x' }
    for (const k of Object.keys(env)) if (k.startsWith('S3_')) delete env[k]
    const run = spawnSync(process.execPath, [...tsxNodeArgs(), '--import', './tests/fixtures/record-loads.mjs', '--input-type=module', '-e', "await import('./payload.config.ts')"], {
      cwd: root,
      env,
      encoding: 'utf8',
    })
    expect(run.status, run.stderr).toBe(0)
    const loaded = fs.readFileSync(log, 'utf8')
    fs.rmSync(path.dirname(log), { recursive: true, force: true })
    const has = (pkg: string) => loaded.includes(`${pathToFileURL(root).href}/node_modules/${pkg}/`)
    // The recorder works: the adapter, Payload and the rich-text editor are there.
    expect(['payload', '@payloadcms/db-postgres', '@payloadcms/drizzle', '@payloadcms/richtext-lexical'].filter((p) => !has(p))).toEqual([])
    // @payloadcms/plugin-stripe keeps its own older stripe.
    const lazy = [
      '@payloadcms/storage-s3',
      '@aws-sdk/client-s3',
      'stripe',
      '@payloadcms/plugin-stripe/node_modules/stripe',
      'undici',
      'json-schema-to-typescript',
      'prettier',
      'nodemailer',
      'web-push',
      'openid-client',
      'libphonenumber-js',
    ]
    expect(lazy.filter(has)).toEqual([])
    expect(has('@payloadcms/plugin-stripe')).toBe(true)
  }, 60_000)
})

describe("Payload's safeFetch with undici loaded on first use", () => {
  const load = async () =>
    (await import(pathToFileURL(path.join(root, 'node_modules/payload/dist/uploads/safeFetch.js')).href)) as {
      safeFetch: (url: string) => Promise<Response>
      _internal_safeFetchGlobal: { lookup: (host: string, opts: unknown, cb: (err: Error | null, addresses: { address: string; family: number }[]) => void) => void }
    }

  it('refuses a private address given literally', async () => {
    const { safeFetch } = await load()
    await expect(safeFetch('http://127.0.0.1:1/file.png')).rejects.toThrow('Blocked unsafe attempt to 127.0.0.1')
  })

  it('refuses a name that resolves to a private address (the lookup inside the lazily built dispatcher)', async () => {
    const { safeFetch, _internal_safeFetchGlobal: global } = await load()
    const lookup = global.lookup
    global.lookup = (_host, _opts, cb) => cb(null, [{ address: '10.1.2.3', family: 4 }])
    try {
      await expect(safeFetch('http://files.autohub.test/file.png')).rejects.toThrow('Blocked unsafe attempt to files.autohub.test')
    } finally {
      global.lookup = lookup
    }
  })
})
