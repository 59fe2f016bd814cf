import 'server-only';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { recordEvent } from '@/server/journal/record-event';
import type { Db } from '@/server/db';
import { SECRET_PLACEHOLDER } from '@/server/mail/templates';
import { claimOutboxBatch, markMailsSent, withdrawIfNotCurrent } from './outbox.sql';
import { composeMessage } from './compose-message';
import { loadSender, type Sender } from '@/server/mail/sender';
import { decryptSecret } from '@/server/crypto/secret-box';
import { CREDENTIAL_MAIL_TYPES } from './mail-kinds';
import type { MailType } from '@/generated/prisma/enums';
import { classifySendError, describeSendError } from './smtp-error';
import { DEFAULT_TIMEOUTS, type MailTransport } from './transport';

export type DispatcherOptions = {
  db: Db;
  transport: MailTransport;
  /** MAIL_FROM: its address is the sender's, under the agency's name (decision 016). */
  from: string;
  /** MAIL_REPLY_TO, when Paramètres sets no reply address. */
  replyTo?: string | null;
  /** Written in leasedBy: which process holds a mail. */
  id?: string;
  batchSize?: number;
  /** Mails handed to the transport at once; match the SMTP pool size. */
  concurrency?: number;
  leaseMs?: number;
  /** The longest one send can take (connection + socket timeouts): no send starts with less lease left. */
  sendTimeoutMs?: number;
  maxAttempts?: number;
  /** First retry delay; doubled at each failure. */
  backoffMs?: number;
  /** After a timeout once the whole message was sent (the server may have taken it): the one retry waits this long. */
  maybeDeliveredRetryMs?: number;
  pollMs?: number;
  /** Deliveries recorded per UPDATE. */
  sentFlushSize?: number;
  outboxKey?: Buffer;
};

export type RunReport = {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  released: number;
  /** Cancelled or replaced at send time: their credentials were no longer the account's. */
  withdrawn: number;
};

export type Dispatcher = {
  id: string;
  /** Claims one batch and works it. */
  runOnce(): Promise<RunReport>;
  /** Runs batches until nothing is due. */
  drain(): Promise<RunReport>;
  /** Polls in the background until stop(); nudge() makes it look now. */
  start(): void;
  nudge(): void;
  stop(): Promise<void>;
};

type ClaimedMail = {
  id: string;
  type: MailType;
  tiersId: string | null;
  toAddress: string;
  toName: string | null;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  attempts: number;
  maybeDelivered: boolean;
  secretCiphertext: Uint8Array | null;
};

class PermanentFailure extends Error {}

export const DISPATCHER_DEFAULTS = {
  batchSize: 50,
  concurrency: 5,
  // Longer than the worst-case send (connection 15 s + DATA-phase wait 10 min, transport.ts): see decision 021.
  leaseMs: 15 * 60_000,
  maxAttempts: 5,
  backoffMs: 30_000,
  maybeDeliveredRetryMs: 15 * 60_000,
  pollMs: 5_000,
  sentFlushSize: 20,
} as const;

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, transport, from } = options;
  const id = options.id ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const batchSize = options.batchSize ?? DISPATCHER_DEFAULTS.batchSize;
  const concurrency = options.concurrency ?? DISPATCHER_DEFAULTS.concurrency;
  const leaseMs = options.leaseMs ?? DISPATCHER_DEFAULTS.leaseMs;
  const sendTimeoutMs =
    options.sendTimeoutMs ?? DEFAULT_TIMEOUTS.connectionTimeoutMs + DEFAULT_TIMEOUTS.socketTimeoutMs;
  const maxAttempts = options.maxAttempts ?? DISPATCHER_DEFAULTS.maxAttempts;
  const backoffMs = options.backoffMs ?? DISPATCHER_DEFAULTS.backoffMs;
  const maybeDeliveredRetryMs = options.maybeDeliveredRetryMs ?? DISPATCHER_DEFAULTS.maybeDeliveredRetryMs;
  const pollMs = options.pollMs ?? DISPATCHER_DEFAULTS.pollMs;
  const sentFlushSize = options.sentFlushSize ?? DISPATCHER_DEFAULTS.sentFlushSize;

  /**
   * Records deliveries in groups: one UPDATE for up to `sentFlushSize` mails instead of one each, which keeps the
   * dispatcher close to nodemailer's own pace. Guarded by the lease, so a dispatcher that lost its lease does not
   * overwrite the new holder's outcome. A relay's event that came back before this record (decision 022) already
   * set the final state: a bounce or a complaint is kept. The cost: a crash loses at most one unflushed group (plus the sends in
   * flight), which a later dispatcher sends again under the same Message-ID.
   */
  async function markSent(sent: { id: string; response: string }[]) {
    if (!sent.length) return;
    await markMailsSent(db, id, sent);
  }

  /**
   * A failure is retried with a growing delay unless it is permanent (a 5xx answer, an undecryptable secret) or the
   * attempts are used up. A timeout once the whole message was sent may hide a delivery: it is retried once, later,
   * and the row says "Peut-être déjà remis"; any failure after that ends in "Échec".
   */
  async function markFailed(
    mail: ClaimedMail,
    reason: string,
    kind: 'permanent' | 'temporary' | 'maybe-delivered',
  ): Promise<'retried' | 'failed'> {
    const attempts = mail.attempts + 1;
    const maybeDelivered = mail.maybeDelivered || kind === 'maybe-delivered';
    const retry = kind === 'maybe-delivered' ? !mail.maybeDelivered : kind === 'temporary' && !mail.maybeDelivered;
    if (retry && attempts < maxAttempts) {
      const delay = kind === 'maybe-delivered' ? maybeDeliveredRetryMs : backoffMs * 2 ** (attempts - 1);
      await db.outboxMail.updateMany({
        where: { id: mail.id, leasedBy: id, status: 'SENDING' },
        data: {
          attempts,
          lastError: reason,
          maybeDelivered,
          nextAttemptAt: new Date(Date.now() + delay),
          leaseUntil: null,
          leasedBy: null,
        },
      });
      return 'retried';
    }
    await db.$transaction(async (tx) => {
      const { count } = await tx.outboxMail.updateMany({
        where: { id: mail.id, leasedBy: id, status: 'SENDING' },
        data: {
          status: 'FAILED',
          attempts,
          lastError: reason,
          maybeDelivered,
          nextAttemptAt: null,
          leaseUntil: null,
          leasedBy: null,
        },
      });
      if (count)
        await recordEvent(
          tx,
          { type: 'SYSTEM' },
          {
            type: 'mail.failed',
            tiersId: mail.tiersId,
            targetId: mail.id,
            details: { attempts, reason, maybeDelivered },
          },
        );
    });
    return 'failed';
  }

  /**
   * The send-time check, under this dispatcher's lease: a credential mail leaves only while its account is enrolled
   * and still has the credential version the mail was made for; a mail whose secret was wiped (Désinscrire) never
   * leaves. Otherwise the mail becomes Annulé (account closed) or Remplacé (newer credentials), secret wiped, with
   * its journal event. The lease is what makes this safe against a crashed holder: Désinscrire and a new envelope
   * wipe a held mail's secret and leave its status to this check.
   */
  async function stillCurrent(mail: ClaimedMail): Promise<boolean> {
    // A reminder (decision 027) is checked like the credentials it reminds of, and never reaches someone who has
    // signed in since.
    const reminder = mail.type === 'REMINDER';
    const credential = CREDENTIAL_MAIL_TYPES.includes(mail.type) || reminder;
    if (!credential && !(needsSecret(mail) && !mail.secretCiphertext)) return true;
    return db.$transaction(async (tx) => {
      const status = await withdrawIfNotCurrent(tx, { id: mail.id, workerId: id, credential, reminder });
      if (!status) return true;
      await recordEvent(
        tx,
        { type: 'SYSTEM' },
        {
          type: status === 'REPLACED' ? 'mail.replaced' : 'mail.cancelled',
          tiersId: mail.tiersId,
          targetId: mail.id,
          details: {
            reason: status === 'REPLACED' ? 'newer_credentials' : credential ? 'credentials_closed' : 'link_revoked',
          },
        },
      );
      return false;
    });
  }

  const needsSecret = (mail: ClaimedMail) =>
    mail.html.includes(SECRET_PLACEHOLDER) || mail.text.includes(SECRET_PLACEHOLDER);

  function secretOf(mail: ClaimedMail): string {
    if (!needsSecret(mail)) return '';
    if (!mail.secretCiphertext)
      throw new PermanentFailure('Le secret de ce mail a été effacé : générez de nouveaux identifiants.');
    try {
      return decryptSecret(mail.secretCiphertext, options.outboxKey);
    } catch {
      throw new PermanentFailure(
        'Le secret de ce mail ne peut pas être déchiffré (la clé OUTBOX_KEY a changé ?) : générez de nouveaux identifiants.',
      );
    }
  }

  async function deliver(
    mail: ClaimedMail,
    report: RunReport,
    sent: { id: string; response: string }[],
    sender: Sender,
  ) {
    if (!(await stillCurrent(mail))) {
      report.withdrawn++;
      return;
    }
    let response: string;
    try {
      ({ response } = await transport.send(composeMessage(mail, secretOf(mail), sender)));
    } catch (error) {
      const outcome =
        error instanceof PermanentFailure
          ? await markFailed(mail, error.message, 'permanent')
          : await markFailed(mail, describeSendError(error), classifySendError(error));
      report[outcome]++;
      return;
    }
    sent.push({ id: mail.id, response });
    report.sent++;
    if (sent.length >= sentFlushSize) await markSent(sent.splice(0));
  }

  async function runOnce(): Promise<RunReport> {
    const report: RunReport = { claimed: 0, sent: 0, retried: 0, failed: 0, released: 0, withdrawn: 0 };
    const claimedAt = Date.now();
    const ids = await claimOutboxBatch(db, id, batchSize, leaseMs);
    report.claimed = ids.length;
    if (!ids.length) return report;
    const mails: ClaimedMail[] = await db.outboxMail.findMany({
      where: { id: { in: ids }, leasedBy: id },
      select: {
        id: true,
        type: true,
        tiersId: true,
        toAddress: true,
        toName: true,
        subject: true,
        html: true,
        text: true,
        messageId: true,
        attempts: true,
        maybeDelivered: true,
        secretCiphertext: true,
      },
    });
    // The agency's name and reply address, read once per batch (Paramètres may change them at any time).
    const sender = await loadSender(db, from, options.replyTo ?? null);
    // A send that could outlive the lease might overlap another dispatcher's: give such mails back instead.
    const lastStart = claimedAt + leaseMs - sendTimeoutMs;
    const unsent: string[] = [];
    const sent: { id: string; response: string }[] = [];
    let next = 0;
    const lane = async () => {
      while (next < mails.length) {
        const mail = mails[next++];
        if (Date.now() > lastStart) unsent.push(mail.id);
        else await deliver(mail, report, sent, sender);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, mails.length) }, lane));
    } finally {
      await markSent(sent.splice(0));
    }
    if (unsent.length) {
      const { count } = await db.outboxMail.updateMany({
        where: { id: { in: unsent }, leasedBy: id, status: 'SENDING' },
        data: { leaseUntil: null, leasedBy: null },
      });
      report.released = count;
    }
    return report;
  }

  async function drain(): Promise<RunReport> {
    const total: RunReport = { claimed: 0, sent: 0, retried: 0, failed: 0, released: 0, withdrawn: 0 };
    for (;;) {
      const r = await runOnce();
      for (const k of Object.keys(total) as (keyof RunReport)[]) total[k] += r[k];
      if (r.claimed < batchSize || r.released) return total;
    }
  }

  let stopped = true;
  let nudged = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;

  return {
    id,
    runOnce,
    drain,
    start() {
      if (loop) return;
      stopped = false;
      loop = (async () => {
        while (!stopped) {
          nudged = false;
          try {
            await drain();
          } catch (error) {
            // Database unreachable or similar: logged without mail content, retried at the next poll.
            console.error(`[outbox ${id}] dispatch run failed:`, (error as Error)?.message ?? error);
          }
          if (stopped || nudged) continue;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            timer.unref?.();
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      })();
    },
    nudge() {
      nudged = true;
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      loop = null;
      transport.close();
    },
  };
}
