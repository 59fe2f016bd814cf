import 'server-only';

/** What every page, action and API says while the database cannot be reached (issue 13, decision 008). */
export const OUTAGE_MESSAGE = 'Service momentanément indisponible, réessayez dans un instant.';
/** Seconds a client should wait before trying again (`Retry-After`). */
export const OUTAGE_RETRY_AFTER_S = 5;

// Codes seen when the database is down or restarting: the driver's socket errors, PostgreSQL's own (57P01
// admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, class 08 connection exceptions, 53300 too many
// connections) and Prisma's (P1001 can't reach, P1002 timeout, P1017 connection closed, P2024 pool timeout).
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  'P1001',
  'P1002',
  'P1017',
  'P2024',
]);
const MESSAGES =
  /Connection terminated|connection timeout|Can't reach database|server closed the connection|terminating connection/i;

/** True when `error` (or what caused it) says the database cannot be reached, as opposed to a bug or a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; depth++) {
    const { code, cause, message, originalCode } = e as {
      code?: unknown;
      cause?: unknown;
      message?: unknown;
      originalCode?: unknown;
    };
    if ((typeof code === 'string' && CODES.has(code)) || (typeof originalCode === 'string' && CODES.has(originalCode)))
      return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}

/** The API answer during an outage: 503 with Retry-After and the sentence, as JSON like every other API error. */
export function outageResponse(): Response {
  return Response.json(
    { error: OUTAGE_MESSAGE },
    { status: 503, headers: { 'Retry-After': String(OUTAGE_RETRY_AFTER_S), 'Cache-Control': 'no-store' } },
  );
}
