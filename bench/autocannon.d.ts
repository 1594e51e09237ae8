/** Minimal typings for autocannon 8 (the package ships none; only what bench/lib.ts uses). */
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string
      setupRequest?: (req: Request & Record<string, unknown>, context: Record<string, unknown>) => Request | Record<string, unknown>
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers?: Record<string, string>) => void
    }
    interface Histogram {
      average: number
      total: number
      p50: number
      p90: number
      p99: number
      [key: string]: number
    }
    interface Result {
      requests: Histogram
      latency: Histogram
      errors: number
      timeouts: number
      non2xx: number
      statusCodeStats?: Record<string, { count: number }>
    }
    interface Options {
      url: string
      connections?: number
      pipelining?: number
      duration?: number
      amount?: number
      timeout?: number
      requests?: Request[]
    }
    interface Instance {
      on(event: 'error', fn: (err: Error) => void): void
      on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void
    }
  }
  function autocannon(opts: autocannon.Options, cb: (err: Error | null, result: autocannon.Result) => void): autocannon.Instance
  export default autocannon
}
