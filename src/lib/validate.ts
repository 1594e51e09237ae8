/**
 * Small input readers for workflow endpoints: each collects a `{ path, message }` error instead of throwing,
 * so one 400 names every invalid field. Pure: no Payload import.
 */
export interface FieldError {
  path: string
  message: string
}

export class Input {
  readonly errors: FieldError[] = []
  constructor(private readonly source: Record<string, unknown>) {}

  private fail(path: string, message: string): undefined {
    this.errors.push({ path, message })
    return undefined
  }

  has(path: string): boolean {
    const v = this.source[path]
    return v !== undefined && v !== null && v !== ''
  }

  /** A finite number (numeric strings from query strings accepted). */
  number(path: string, opts: { required?: boolean; min?: number; max?: number; gt?: number; integer?: boolean; decimals?: number; default?: number } = {}): number | undefined {
    const raw = this.source[path]
    if (raw === undefined || raw === null || raw === '') {
      if (opts.default !== undefined) return opts.default
      return opts.required ? this.fail(path, `${path} is required.`) : undefined
    }
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN
    if (!Number.isFinite(n)) return this.fail(path, `${path} must be a number.`)
    if (opts.integer && !Number.isInteger(n)) return this.fail(path, `${path} must be a whole number.`)
    if (opts.min !== undefined && n < opts.min) return this.fail(path, `${path} must be at least ${opts.min}.`)
    if (opts.gt !== undefined && n <= opts.gt) return this.fail(path, `${path} must be greater than ${opts.gt}.`)
    if (opts.max !== undefined && n > opts.max) return this.fail(path, `${path} must be at most ${opts.max}.`)
    if (opts.decimals !== undefined && Math.abs(Math.round(n * 10 ** opts.decimals) - n * 10 ** opts.decimals) > 1e-6) return this.fail(path, `${path} may have at most ${opts.decimals} decimals.`)
    return n
  }

  string(path: string, opts: { required?: boolean; min?: number; max?: number; pattern?: RegExp; patternMessage?: string } = {}): string | undefined {
    const raw = this.source[path]
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      return opts.required ? this.fail(path, `${path} is required.`) : undefined
    }
    if (typeof raw !== 'string') return this.fail(path, `${path} must be a string.`)
    const s = raw.trim()
    if (opts.min !== undefined && s.length < opts.min) return this.fail(path, `${path} must be at least ${opts.min} characters.`)
    if (opts.max !== undefined && s.length > opts.max) return this.fail(path, `${path} must be at most ${opts.max} characters.`)
    if (opts.pattern && !opts.pattern.test(s)) return this.fail(path, opts.patternMessage ?? `${path} has an invalid format.`)
    return s
  }

  /** A relationship id: a positive integer (or numeric string). */
  id(path: string, opts: { required?: boolean } = { required: true }): number | undefined {
    const raw = this.source[path]
    const value = raw && typeof raw === 'object' && 'id' in (raw as object) ? (raw as { id: unknown }).id : raw
    if (value === undefined || value === null || value === '') return opts.required ? this.fail(path, `${path} is required.`) : undefined
    const n = Number(value)
    if (!Number.isInteger(n) || n <= 0) return this.fail(path, `${path} must be a valid id.`)
    return n
  }

  date(path: string, opts: { required?: boolean } = {}): Date | undefined {
    const raw = this.source[path]
    if (raw === undefined || raw === null || raw === '') return opts.required ? this.fail(path, `${path} is required.`) : undefined
    if (typeof raw !== 'string' && typeof raw !== 'number') return this.fail(path, `${path} must be an ISO 8601 date-time.`)
    const d = new Date(raw)
    if (Number.isNaN(d.getTime())) return this.fail(path, `${path} must be an ISO 8601 date-time.`)
    return d
  }

  oneOf<T extends string>(path: string, values: readonly T[], opts: { required?: boolean; default?: T } = {}): T | undefined {
    const raw = this.source[path]
    if (raw === undefined || raw === null || raw === '') {
      if (opts.default !== undefined) return opts.default
      return opts.required ? this.fail(path, `${path} is required.`) : undefined
    }
    if (!values.includes(raw as T)) return this.fail(path, `${path} must be one of: ${values.join(', ')}.`)
    return raw as T
  }

  boolean(path: string, opts: { default?: boolean } = {}): boolean | undefined {
    const raw = this.source[path]
    if (raw === undefined || raw === null || raw === '') return opts.default
    if (raw === true || raw === 'true' || raw === '1') return true
    if (raw === false || raw === 'false' || raw === '0') return false
    return this.fail(path, `${path} must be true or false.`)
  }

  /** Adds a cross-field error. */
  check(condition: boolean, path: string, message: string): void {
    if (!condition) this.errors.push({ path, message })
  }

  get ok(): boolean {
    return this.errors.length === 0
  }
}
