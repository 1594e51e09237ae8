import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

import { conditionFlag } from './src/lib/node-flags'
import LongestFirstSequencer from './tests/setup/sequencer'

const root = path.dirname(fileURLToPath(import.meta.url))
/** TEST_GATE=fails|passes runs only that gate self-test file (.ci/gate-self-test), through this same configuration. */
const gate = process.env.TEST_GATE

export default defineConfig({
  resolve: {
    alias: [
      { find: '@payload-config', replacement: path.join(root, 'payload.config.ts') },
      { find: /^@\/(.*)$/, replacement: path.join(root, 'src/$1') },
      { find: /^@collections\/(.*)$/, replacement: path.join(root, 'collections/$1') },
      { find: /^@hooks\/(.*)$/, replacement: path.join(root, 'hooks/$1') },
      { find: /^@endpoints\/(.*)$/, replacement: path.join(root, 'endpoints/$1') },
      { find: /^@globals\/(.*)$/, replacement: path.join(root, 'globals/$1') },
      { find: /^@seed\/(.*)$/, replacement: path.join(root, 'seed/$1') },
    ],
  },
  test: {
    include: gate ? [`tests/gate/${gate}.gate.ts`] : ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/per-file.ts'],
    pool: 'forks',
    // The same export conditions as the npm scripts (src/lib/node-flags.ts: Lexical's top-level-await entries).
    execArgv: [conditionFlag(false)],
    isolate: true,
    // The longest files start first (tests/setup/sequencer.ts), so none is left running alone at the end.
    sequence: { sequencer: LongestFirstSequencer },
    maxWorkers: Number(process.env.TEST_WORKERS || 2),
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    env: {
      NODE_ENV: 'test',
      PAYLOAD_SECRET: 'test-secret',
      JOBS_AUTORUN: 'false',
      LOG_LEVEL: 'fatal',
      REALTIME_ADAPTER: 'postgres',
      DISABLE_PAYLOAD_HMR: 'true',
    },
    server: { deps: { inline: [/@payloadcms\/next/] } },
  },
})
