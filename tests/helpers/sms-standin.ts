/**
 * A loopback stand-in for an HTTP SMS gateway: records every `POST` (JSON `{ to, from, text }` or Twilio-style
 * form `To/From/Body`) with its Authorization header, answers 201 `{ id }`, or the status set by `failNext`.
 * Point the app at it with `SMS_GATEWAY_URL` (`SMS_PROVIDER=http`).
 */
import http from 'node:http'

export interface RecordedSms {
  to: string
  from: string
  text: string
  authorization: string | null
  path: string
}

export interface SmsStandin {
  url: string
  messages: RecordedSms[]
  /** The next `n` requests answer `status` (a gateway outage). */
  failNext(status: number, n?: number): void
  /** Messages to `to`, in order. */
  to(to: string): RecordedSms[]
  close(): Promise<void>
}

export async function startSmsStandin(): Promise<SmsStandin> {
  const messages: RecordedSms[] = []
  let failures: { status: number; left: number } | null = null
  let seq = 0
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      if (failures && failures.left > 0) {
        failures.left--
        res.writeHead(failures.status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'gateway unavailable' }))
        return
      }
      const form = (req.headers['content-type'] ?? '').includes('x-www-form-urlencoded')
      const body = form ? Object.fromEntries(new URLSearchParams(raw)) : (JSON.parse(raw || '{}') as Record<string, string>)
      messages.push({
        to: String(body.to ?? body.To ?? ''),
        from: String(body.from ?? body.From ?? ''),
        text: String(body.text ?? body.Body ?? ''),
        authorization: req.headers.authorization ?? null,
        path: req.url ?? '/',
      })
      res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `sms_${++seq}` }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}/messages`,
    messages,
    failNext(status, n = 1) {
      failures = { status, left: n }
    },
    to: (to) => messages.filter((m) => m.to === to),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** The 6-digit code in an SMS text. */
export const codeIn = (text: string): string => {
  const m = /\b(\d{6})\b/.exec(text)
  if (!m) throw new Error(`no code in SMS: ${text}`)
  return m[1]
}
