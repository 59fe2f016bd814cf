/** A failure the person can act on: its message is a French sentence saying what to do. */
export class UserError extends Error {}

/** The thing does not exist, or belongs to someone else: both answer the same (404), so nothing leaks. */
export class NotFoundError extends Error {
  constructor(what = 'record') {
    super(`${what} not found`);
  }
}

// Connection-level failures: the database is down or unreachable, not a bug and not the person's mistake.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection (?:is )?closed|Can't reach database|server closed the connection|the database system is (?:starting up|shutting down)|terminating connection|timeout exceeded when trying to connect/i;

/** True when an error (or one of its causes) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_PRISMA.has(code))) return true;
    // PostgreSQL: class 08 (connection exception), 57P01-57P03 (shutdown, cannot connect now), 53300 (too many).
    if (typeof code === 'string' && (/^08/.test(code) || /^57P0[123]$/.test(code) || code === '53300')) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    e = cause ?? (e as { originalError?: unknown }).originalError;
  }
  return false;
}
