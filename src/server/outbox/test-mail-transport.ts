import 'server-only';
import { getConfig } from '@/server/config';
import { UserError } from '@/server/errors';
import { describeSendError } from './smtp-error';
import { createMailTransport, describeSmtpUrl } from './transport';

/** "Tester la connexion": opens a connection to the relay, says hello, authenticates, and closes. */
export async function testMailTransport(): Promise<string> {
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
  return config.smtpUrl
    ? `Connexion réussie au serveur de messagerie ${describeSmtpUrl(config.smtpUrl)}.`
    : `Aucun serveur SMTP configuré : les mails sont écrits dans ${transport.description} et ne quittent pas cette machine.`;
}
