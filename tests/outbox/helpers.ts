// Shared by the outbox tests: a dispatcher on the test database talking to a real SMTP peer.
import { getConfig } from '@/server/config';
import { db } from '@/server/db';
import { createDispatcher, type DispatcherOptions } from '@/server/outbox/dispatcher';
import { createMailTransport, type TransportTimeouts } from '@/server/outbox/transport';

export function dispatcherFor(smtpUrl: string, options: Partial<DispatcherOptions> & TransportTimeouts = {}) {
  const { connectionTimeoutMs, socketTimeoutMs, ...rest } = options;
  const transport = createMailTransport(
    { smtpUrl, dataDir: getConfig().dataDir },
    {
      connectionTimeoutMs: connectionTimeoutMs ?? 2_000,
      socketTimeoutMs: socketTimeoutMs ?? 5_000,
      maxConnections: rest.concurrency,
    },
  );
  return createDispatcher({ db, transport, from: getConfig().mailFrom, backoffMs: 1, sendTimeoutMs: 1_000, ...rest });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the dispatcher until the mail reaches `status` (retries are due almost at once with backoffMs 1). */
export async function drainUntil(
  dispatcher: { drain(): Promise<unknown> },
  mailId: string,
  status: string,
  timeoutMs = 8_000,
) {
  for (const until = Date.now() + timeoutMs; Date.now() < until;) {
    await dispatcher.drain();
    const mail = await db.outboxMail.findUniqueOrThrow({ where: { id: mailId } });
    if (mail.status === status) return mail;
    await sleep(15);
  }
  return db.outboxMail.findUniqueOrThrow({ where: { id: mailId } });
}

export const messageIdOf = (raw: string) => /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1];
