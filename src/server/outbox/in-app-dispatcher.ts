import 'server-only';
import { getConfig } from '@/server/config';
import { db } from '@/server/db';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { createMailTransport } from './transport';

// One dispatcher per app process, kept on globalThis so that the instrumentation hook (which starts it) and the
// server actions (which nudge it) reach the same one although Next bundles them separately.
const holder = globalThis as unknown as { __trousseauDispatcher?: Dispatcher };

export function startInAppDispatcher(): Dispatcher {
  if (!holder.__trousseauDispatcher) {
    const config = getConfig();
    holder.__trousseauDispatcher = createDispatcher({
      db,
      transport: createMailTransport(config),
      from: config.mailFrom,
      replyTo: config.mailReplyTo,
    });
    holder.__trousseauDispatcher.start();
  }
  return holder.__trousseauDispatcher;
}

/** Asks the in-app dispatcher to look for due mail now rather than at its next poll. Correctness never depends on it. */
export function nudgeDispatcher(): void {
  holder.__trousseauDispatcher?.nudge();
}
