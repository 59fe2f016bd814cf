import 'server-only';
import type { Tx } from '@/server/db';

/** Who a mail is from, and where replies go: the agency by name, at the configured address (decision 016). */
export type Sender = { from: { name: string; address: string }; replyTo: string | null };

/** The address inside MAIL_FROM ("Agence <extranet@agence.fr>" or a bare address). */
export function addressOf(mailFrom: string): string {
  return (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
}

/**
 * The agency's name from Paramètres at MAIL_FROM's address (which the SMTP relay accepts); Reply-To is the agency's
 * address from Paramètres, else MAIL_REPLY_TO.
 */
export async function loadSender(tx: Tx, mailFrom: string, mailReplyTo: string | null): Promise<Sender> {
  const settings = await tx.agencySettings.findUnique({
    where: { id: 1 },
    select: { agencyName: true, agencyEmail: true },
  });
  return {
    from: { name: settings?.agencyName ?? 'Agence Trousseau', address: addressOf(mailFrom) },
    replyTo: settings?.agencyEmail ?? mailReplyTo,
  };
}
