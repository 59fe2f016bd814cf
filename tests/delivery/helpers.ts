// Shared by the delivery-event tests: a credential mail really sent through the dispatcher to the SMTP peer, and
// the configuration's webhook part replaced for one test file.
import { db } from '@/server/db';
import { getConfig, loadConfig } from '@/server/config';
import { createCredentialMail } from '../factories/outbox';
import { parseMail } from '../helpers/mime';
import type { SmtpPeer } from '../helpers/smtp-peer';
import { dispatcherFor } from '../outbox/helpers';

/** A credential mail that left: status "Envoyé", with the headers the relay received. */
export async function sentCredentialMail(peer: SmtpPeer, options: { to?: string } = {}) {
  const made = await createCredentialMail({ review: false, to: options.to });
  const before = peer.received.length;
  const dispatcher = dispatcherFor(peer.url);
  await dispatcher.drain();
  await dispatcher.stop();
  const [received] = (await peer.waitFor(before + 1)).slice(before);
  const mail = await db.outboxMail.findUniqueOrThrow({ where: { id: made.mail.id } });
  if (mail.status !== 'SENT') throw new Error(`mail not sent: ${mail.status} ${mail.lastError}`);
  return { ...made, mail, headers: parseMail(received.raw).headers };
}

/** Replaces the webhook settings of the configuration this process read, as these variables would. */
export function setWebhookEnv(env: Record<string, string>) {
  getConfig().webhooks = loadConfig({ ...process.env, ...env }).webhooks;
}
