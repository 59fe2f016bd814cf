import 'server-only';
import http, { type IncomingMessage } from 'node:http';

/**
 * The socket's remote address, written by the server on every request under a name of its own, over any value the
 * client sent. `next start` only fills X-Forwarded-For when the client sent none, so the socket's address is not
 * otherwise visible to route handlers and server actions.
 */
export const PEER_ADDRESS_HEADER = 'x-trousseau-peer-address';

const holder = globalThis as unknown as { __trousseauPeerAddress?: true };

/** Called once per server process (src/instrumentation.ts), before the first request. */
export function recordPeerAddresses(): void {
  if (holder.__trousseauPeerAddress) return;
  holder.__trousseauPeerAddress = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
