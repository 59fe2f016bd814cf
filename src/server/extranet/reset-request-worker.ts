import 'server-only';
import { queueDueReminders } from '@/server/access/queue-due-reminders';
import { nudgeDispatcher } from '@/server/outbox/in-app-dispatcher';
import { workResetRequests } from './request-password-reset';

const POLL_MS = 1000;
/** The automatic reminders (docs/decisions/027) are looked for on the same loop, this often. */
const REMINDERS_EVERY_MS = 10 * 60_000;
const holder = globalThis as unknown as { __trousseauResetWorker?: NodeJS.Timeout };

/**
 * Works the "Mot de passe oublié" queue about once a second, on its own clock rather than right after each request:
 * the cost of preparing a mail never lands on the requester's next request (docs/decisions/035).
 */
export function startResetRequestWorker(): void {
  if (holder.__trousseauResetWorker) return;
  let running = false;
  let remindersAt = 0;
  holder.__trousseauResetWorker = setInterval(() => {
    if (running) return;
    running = true;
    const reminders = Date.now() - remindersAt >= REMINDERS_EVERY_MS;
    if (reminders) remindersAt = Date.now();
    workResetRequests()
      .then(async (worked) => ((reminders && (await queueDueReminders())) || worked) && nudgeDispatcher())
      // Only the error's kind: a driver error may quote what was typed.
      .catch((error: unknown) =>
        console.error(
          '[reset requests / reminders] failed, retried at the next run:',
          error instanceof Error ? `${error.name} ${(error as { code?: string }).code ?? ''}` : typeof error,
        ),
      )
      .finally(() => (running = false));
  }, POLL_MS);
  holder.__trousseauResetWorker.unref();
}
