/**
 * A loopback Web Push service (HTTPS, a self-signed certificate made with openssl): it accepts the pushes
 * `web-push` sends, checks the VAPID authorization header is present, decrypts each payload (aes128gcm, RFC 8291)
 * with the device's private key via `http_ece`, and records it. A device can be made to answer 410 (expired).
 * Point the app at its certificate with WEB_PUSH_CA_FILE.
 */
import { execFileSync } from 'node:child_process'
import { createECDH, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import https from 'node:https'
import { tmpdir } from 'node:os'
import path from 'node:path'

// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- the package ships no type declarations
import ece from 'http_ece'

export interface PushDevice {
  id: string
  /** What the browser's PushSubscription.toJSON() gives. */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } }
  received: { payload: Record<string, unknown>; authorization: string; ttl: string | undefined }[]
  /** Answer this status from now on (410: the subscription expired). */
  status: number
}

export interface LoopbackPushService {
  caFile: string
  device(): PushDevice
  close(): Promise<void>
}

export async function startPushService(): Promise<LoopbackPushService> {
  const dir = mkdtempSync(path.join(tmpdir(), 'push-'))
  const keyFile = path.join(dir, 'key.pem')
  const certFile = path.join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  )
  const devices = new Map<string, { device: PushDevice; ecdh: ReturnType<typeof createECDH>; auth: Buffer }>()
  const server = https.createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const id = (req.url ?? '').split('/').pop() ?? ''
      const entry = devices.get(id)
      if (!entry) return void res.writeHead(404).end()
      if (entry.device.status !== 201) return void res.writeHead(entry.device.status).end('gone')
      if (req.headers['content-encoding'] !== 'aes128gcm' || !String(req.headers.authorization ?? '').startsWith('vapid t=')) return void res.writeHead(400).end('bad push')
      const plain = ece.decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: entry.ecdh, authSecret: entry.auth.toString('base64url') }) as Buffer
      entry.device.received.push({ payload: JSON.parse(plain.toString('utf8')), authorization: String(req.headers.authorization), ttl: req.headers.ttl as string | undefined })
      res.writeHead(201).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  let seq = 0
  return {
    caFile: certFile,
    device() {
      const ecdh = createECDH('prime256v1')
      ecdh.generateKeys()
      const auth = randomBytes(16)
      const id = `d${++seq}-${randomBytes(4).toString('hex')}`
      const device: PushDevice = {
        id,
        subscription: { endpoint: `https://127.0.0.1:${port}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } },
        received: [],
        status: 201,
      }
      devices.set(id, { device, ecdh, auth })
      return device
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          rmSync(dir, { recursive: true, force: true }) // its key and certificate
          resolve()
        })
      }),
  }
}
