import 'server-only';
import { ImapFlow } from 'imapflow';
import { getConfig } from '@/server/config';
import { readBounceMessage } from './read-bounce-message';
import { recordDeliveryEvent } from './record-delivery-event';

// The bounce mailbox (BOUNCE_IMAP_URL, docs/decisions/022): every unread message is read, its delivery events
// recorded, and only then marked \Seen, so each is read once; a message whose events could not be recorded (the
// database is down) stays unread for the next poll. Several workers may poll at once: an event recorded twice is
// recorded once (DeliveryEvent's unique key).

export type MailboxRun = { read: number; events: number; recorded: number };

/** imap://user:pass@host:143/INBOX or imaps://user:pass@host:993/Bounces → ImapFlow's options and the folder. */
export function imapOptions(url: string) {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  return {
    client: {
      host: u.hostname.replace(/^\[|\]$/g, ''),
      port: Number(u.port || (secure ? 993 : 143)),
      secure,
      auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
      logger: false as const,
      disableAutoIdle: true,
      connectionTimeout: 15_000,
    },
    folder: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

/** One pass over the mailbox's unread messages. */
export async function pollBounceMailbox(url: string): Promise<MailboxRun> {
  const { client: options, folder } = imapOptions(url);
  const client = new ImapFlow(options);
  // A socket error is also an 'error' event, which would stop the process if nobody listened: the pending command
  // rejects with it anyway, and the poller reports that.
  client.on('error', () => {});
  const run: MailboxRun = { read: 0, events: 0, recorded: 0 };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(folder);
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (message && message.source) {
          const events = await readBounceMessage(message.source);
          for (const event of events) if ((await recordDeliveryEvent(event)) === 'recorded') run.recorded++;
          run.events += events.length;
        }
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        run.read++;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return run;
}

/** Where an IMAP failure is told without the URL, which holds the mailbox password. */
const describe = (error: unknown) => {
  const e = error as { message?: string; responseText?: string; code?: string };
  return [e?.code, e?.responseText ?? e?.message].filter(Boolean).join(' ') || String(error);
};

const POLL_MS = 60_000;
const holder = globalThis as unknown as { __trousseauBouncePoller?: { stop(): Promise<void> } };

/** Polls BOUNCE_IMAP_URL every minute in this process (the app's and `npm run worker`'s); nothing when it is unset. */
export function startBouncePoller(): { stop(): Promise<void> } | null {
  const url = getConfig().bounceImapUrl;
  if (!url) return null;
  if (holder.__trousseauBouncePoller) return holder.__trousseauBouncePoller;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = pollBounceMailbox(url)
      .catch((error) => console.error(`[bounces] the bounce mailbox could not be read: ${describe(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, POLL_MS).unref();
      });
  };
  timer = setTimeout(tick, 5_000).unref();
  holder.__trousseauBouncePoller = {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      holder.__trousseauBouncePoller = undefined;
    },
  };
  return holder.__trousseauBouncePoller;
}
