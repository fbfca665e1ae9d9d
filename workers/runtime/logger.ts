import type { Logger as TemporalLogger, LogLevel as TemporalLogLevel, LogMetadata } from '@temporalio/common';
import pino, { type DestinationStream, type Logger } from 'pino';

// An E.164 number (+ and 7–15 digits), also URL-encoded (%2B) as in a logged Twilio form body.
const PHONE_NUMBER = /(\+|%2B)([1-9]\d{2,10})(\d{4})\b/gi;

/** `+19185550123` → `+*******0123`: the last four digits tell an operator enough to match a complaint. */
export function maskPhoneNumbers(text: string): string {
  return text.replace(PHONE_NUMBER, (_, plus: string, hidden: string, last: string) => `${plus}${'*'.repeat(hidden.length)}${last}`);
}

/**
 * Structured JSON logs on stdout; `LOG_LEVEL` decides how much. Every finished line has its
 * phone numbers masked — message, fields, errors and their stacks alike — so no caller (nor a
 * library's error message) can put one in the logs.
 */
export function createLogger(level: string, base: Record<string, unknown> = {}, destination: DestinationStream = pino.destination({ dest: 1, sync: true })): Logger {
  const masked: DestinationStream = { write: (line: string) => destination.write(maskPhoneNumbers(line)) };
  return pino({ level, base: { service: 'servicepro', ...base }, timestamp: pino.stdTimeFunctions.isoTime }, masked);
}

const SEVERITY: Record<TemporalLogLevel, number> = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 };

/**
 * The Temporal runtime's logger (`Runtime.install({ logger })`) as our logger: the SDK logs
 * activity and workflow failures with their error, which would otherwise go to stderr unmasked.
 */
export function temporalRuntimeLogger(logger: Logger, minimum: TemporalLogLevel = 'WARN'): TemporalLogger {
  const log = (level: TemporalLogLevel, message: string, meta: LogMetadata = {}) => {
    if (SEVERITY[level] < SEVERITY[minimum]) return;
    // pino serializes an Error under `err` (message, stack); elsewhere it would print `{}`.
    const { error, ...rest } = meta as LogMetadata & { error?: unknown };
    logger[level.toLowerCase() as Lowercase<TemporalLogLevel>]({ sdk: 'temporal', ...rest, ...(error === undefined ? {} : { err: error }) }, message);
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
