/**
 * The platform's own informational lines (the log transports of email and SMS) at the level `LOG_LEVEL` sets, as
 * Payload's logger (pino) has them: written when `info` is at or above that level. They used to be written at every
 * level, so a server at `LOG_LEVEL=warn` still printed one line per email and text message.
 */
import { env } from './env'

/** pino's levels, lowest first. */
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const
type Level = (typeof LEVELS)[number]

/** Whether a message of `level` is written at the configured `LOG_LEVEL` (`silent`: none; an unknown level: `info`). */
export function logs(level: Level, configured: string = env.logLevel): boolean {
  if (configured === 'silent') return false
  const min = LEVELS.indexOf(configured as Level)
  return LEVELS.indexOf(level) >= (min === -1 ? LEVELS.indexOf('info') : min)
}

/** One informational line on standard output, when `LOG_LEVEL` lets `info` through. */
export function logInfo(message: string): void {
  if (logs('info')) console.info(message)
}
