/**
 * A per-key fixed-window rate limit for socket events (e.g. technician location updates, keyed by technician).
 * In-process: each instance counts its own sockets (a technician's app holds one connection, so that is enough).
 */
export interface SocketRateLimit {
  /** true when the key may fire now (and counts it); false when over the limit. */
  take(key: string, now?: number): { ok: true } | { ok: false; retryAfterMs: number }
}

export function socketRateLimit(perWindow: () => number, windowMs = 60_000): SocketRateLimit {
  const windows = new Map<string, { start: number; count: number }>()
  return {
    take(key, now = Date.now()) {
      const limit = perWindow()
      if (limit <= 0) return { ok: true }
      let w = windows.get(key)
      if (!w || now - w.start >= windowMs) {
        w = { start: now, count: 0 }
        windows.set(key, w)
        if (windows.size > 10_000) {
          for (const [k, v] of windows) if (now - v.start >= windowMs) windows.delete(k)
        }
      }
      if (w.count >= limit) return { ok: false, retryAfterMs: w.start + windowMs - now }
      w.count++
      return { ok: true }
    },
  }
}
