import { getPayload, type Payload } from 'payload'

let instance: Promise<Payload> | null = null

/** The test file's Payload instance (its own database, see tests/setup/per-file.ts). */
export function testPayload(): Promise<Payload> {
  instance ??= (async () => {
    const { default: config } = await import('../../payload.config')
    return getPayload({ config })
  })()
  return instance
}
