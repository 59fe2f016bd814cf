import 'server-only';
import { escapeHtml } from '@/shared/html';
import { appLink } from '@/server/http/app-link';
import type { Tx } from '@/server/db';
import { SECRET_PLACEHOLDER } from '@/server/mail/templates';
import { enqueueMail } from '@/server/outbox/enqueue-mail';

/**
 * A mail to a staff member (invitation, reset link, lock notice), through the centre d'envoi and sent without review.
 * A link carrying a secret is given as `link`: stored encrypted, put in the mail only when it leaves.
 */
export async function queueStaffMail(
  tx: Tx,
  input: {
    staffId: string;
    to: string;
    toName: string;
    subject: string;
    paragraphs: string[];
    link?: { label: string; secret: string; createdAt: Date; expiresAt: Date };
    createdById?: string | null;
  },
): Promise<{ id: string }> {
  const { link } = input;
  const text = [...input.paragraphs, ...(link ? [`${link.label} : ${SECRET_PLACEHOLDER}`] : [])].join('\n\n');
  const html = [
    ...input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(link
      ? [`<p><a href="${SECRET_PLACEHOLDER}">${escapeHtml(link.label)}</a></p><p>${SECRET_PLACEHOLDER}</p>`]
      : []),
  ].join('\n');
  return enqueueMail(tx, {
    type: 'STAFF_NOTICE',
    review: false,
    accountId: null,
    tiersId: null,
    to: input.to,
    toName: input.toName,
    content: { subject: input.subject, html: `<!doctype html><html><body>${html}</body></html>`, text },
    secret: link && { plain: link.secret, createdAt: link.createdAt, expiresAt: link.expiresAt },
    createdById: input.createdById ?? null,
  });
}

/** The back office's page for a staff link (invitation or reset). */
export const staffLinkUrl = (token: string) => appLink('/gestion/activation', token);
