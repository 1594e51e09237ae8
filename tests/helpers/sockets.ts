/**
 * socket.io clients for the realtime tests, written as the source systems' frontends connect:
 * `io(url, { auth })` over websocket, then a join event answered by `joined` or `join-error`.
 */
import { io, type Socket } from 'socket.io-client'

/** Clients of one test server; `closeAll()` in afterAll disconnects every socket opened. */
export function socketClients(url: () => string) {
  const sockets: Socket[] = []
  const open = (auth: Record<string, string>) => {
    const socket = io(url(), { auth, transports: ['websocket'], reconnection: false, forceNew: true })
    sockets.push(socket)
    return socket
  }
  return {
    connect: (auth: Record<string, string>): Promise<Socket> => {
      const socket = open(auth)
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket))
        socket.once('connect_error', reject)
      })
    },
    /** As the car-services frontend does it: connect with the token, then wait for the server's `authenticated`. */
    connectAuthenticated: (token: string): Promise<{ socket: Socket; hello: any }> => {
      const socket = open({ token })
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no authenticated event')), 10_000)
        socket.on('authenticated', (hello) => {
          clearTimeout(timer)
          resolve({ socket, hello })
        })
        socket.once('connect_error', reject)
      })
    },
    closeAll: () => {
      for (const s of sockets) s.disconnect()
    },
  }
}

/** Emits a join event and resolves with the server's `joined` or `join-error` event. */
export const join = (socket: Socket, event: string, body: unknown): Promise<{ event: 'joined' | 'join-error'; body: any }> =>
  new Promise((resolve) => {
    socket.once('joined', (b) => resolve({ event: 'joined', body: b }))
    socket.once('join-error', (b) => resolve({ event: 'join-error', body: b }))
    socket.emit(event, body)
  })

export const joinBooking = (socket: Socket, bookingId: number) => join(socket, 'join-booking', { bookingId })

type Got = { event: string; body: any }[]

/** Records events; `until(n)` (or `until(predicate)`) resolves once enough have arrived, or rejects after a timeout. */
export function recorder(socket: Socket, events: string[]) {
  const got: Got = []
  let notify: (() => void) | null = null
  for (const event of events) {
    socket.on(event, (body) => {
      got.push({ event, body })
      notify?.()
    })
  }
  return {
    got,
    until: (enough: number | ((g: Got) => boolean), timeoutMs = 15_000) =>
      new Promise<Got>((resolve, reject) => {
        const done = typeof enough === 'number' ? (g: Got) => g.length >= enough : enough
        const check = () => done(got) && (clearTimeout(timer), resolve(got))
        const timer = setTimeout(() => reject(new Error(`timed out with ${got.length} events: ${JSON.stringify(got)}`)), timeoutMs)
        notify = () => void check()
        check()
      }),
  }
}

/** One event's bodies: `until(n)` resolves with the first n or more. */
export function bodyRecorder(socket: Socket, event: string) {
  const r = recorder(socket, [event])
  return {
    get got() {
      return r.got.map((g) => g.body)
    },
    until: async (n: number, timeoutMs?: number) => (await r.until(n, timeoutMs)).map((g) => g.body),
  }
}
