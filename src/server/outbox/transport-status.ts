import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import { defineStaffAction } from '@/server/auth/staff-action';
import { getConfig } from '@/server/config';
import { UserError } from '@/server/errors';
import { describeSendError } from './smtp-error';
import { createMailTransport, describeSmtpUrl } from './transport';

/** For the back-office banner: null when mail goes to a real SMTP relay. */
export function localMailboxNotice(): string | null {
  const config = getConfig();
  if (config.smtpUrl) return null;
  return `Les mails ne quittent pas cette machine : aucun serveur de messagerie (SMTP_URL) n'est configuré, ils sont écrits dans ${path.relative(process.cwd(), path.join(config.dataDir, 'mailbox')) || 'mailbox'}.`;
}

/** "Tester la connexion": opens a connection to the relay, says hello, authenticates, and closes. */
export const testMailTransport = defineStaffAction({
  permission: 'settings:write',
  input: z.object({}),
  async run() {
    const config = getConfig();
    const transport = createMailTransport(config, {
      pool: false,
      connectionTimeoutMs: 10_000,
      socketTimeoutMs: 10_000,
    });
    try {
      await transport.verify();
    } catch (error) {
      const where = config.smtpUrl ? describeSmtpUrl(config.smtpUrl) : transport.description;
      throw new UserError(`Connexion impossible à ${where} : ${describeSendError(error)}. Vérifiez SMTP_URL.`);
    } finally {
      transport.close();
    }
    return {
      message: config.smtpUrl
        ? `Connexion réussie au serveur de messagerie ${describeSmtpUrl(config.smtpUrl)}.`
        : `Aucun serveur SMTP configuré : les mails sont écrits dans ${transport.description} et ne quittent pas cette machine.`,
    };
  },
});
