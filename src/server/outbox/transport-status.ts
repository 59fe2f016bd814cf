import 'server-only';
import path from 'node:path';
import { getConfig } from '@/server/config';

/** For the back-office banner: null when mail goes to a real SMTP relay. */
export function localMailboxNotice(): string | null {
  const config = getConfig();
  if (config.smtpUrl) return null;
  return `Les mails ne quittent pas cette machine : aucun serveur de messagerie (SMTP_URL) n'est configuré, ils sont écrits dans ${path.relative(process.cwd(), path.join(config.dataDir, 'mailbox')) || 'mailbox'}.`;
}
