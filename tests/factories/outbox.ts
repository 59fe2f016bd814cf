// Outbox test data: an extranet account with its credential mail waiting in the centre d'envoi, made the way the
// envelope makes it (hash on the account, plaintext only encrypted inside the queued mail).
import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from '@/server/session/password';
import { db } from '@/server/db';
import { renderMail, type RenderedMail } from '@/server/mail/render-mail';
import type { TemplateMailType } from '@/server/mail/templates';
import { enqueueMail } from '@/server/outbox/enqueue-mail';
import { createTiers } from './index';

export async function createCredentialMail(options: { password?: string; review?: boolean; to?: string } = {}) {
  const password = options.password ?? `Pr0v-${randomBytes(6).toString('base64url')}`;
  const tiers = await createTiers({ email: options.to });
  const login = `${tiers.lastName
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .slice(0, 12)}.${randomUUID().slice(0, 4)}`;
  const hash = await hashPassword(password);
  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + 7 * 86_400_000);
  const { account, mail } = await db.$transaction(async (tx) => {
    const account = await tx.extranetAccount.create({
      data: {
        tiersId: tiers.id,
        login,
        credentialsGeneratedAt: createdAt,
        mustChangePassword: true,
        password: { create: { hash, isTemporary: true, expiresAt } },
      },
      select: { id: true, login: true },
    });
    const content = await renderMail(tx, { type: 'CREDENTIALS', tiers, identifiant: login, expiresAt });
    const mail = await enqueueMail(tx, {
      type: 'CREDENTIALS',
      review: options.review ?? true,
      accountId: account.id,
      tiersId: tiers.id,
      to: tiers.email!,
      toName: `${tiers.firstName} ${tiers.lastName}`,
      content,
      secret: { plain: password, createdAt, expiresAt },
    });
    return { account, mail };
  });
  return { tiers, account, mail, password };
}

/** Many automatic mails at once (load tests): rendered once, written in chunks. */
export async function createManyMails(
  count: number,
  options: { type?: TemplateMailType; secret?: boolean } = {},
): Promise<string[]> {
  const tiers = await createTiers();
  const content: RenderedMail = await renderMail(db, {
    type: options.type ?? 'PASSWORD_RESET',
    tiers,
    identifiant: 'charge.test',
    expiresAt: new Date(Date.now() + 1_800_000),
  });
  const ids: string[] = [];
  for (let start = 0; start < count; start += 200) {
    const chunk = Math.min(200, count - start);
    const created = await db.$transaction(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < chunk; i++) {
        const { id } = await enqueueMail(tx, {
          type: options.type ?? 'PASSWORD_RESET',
          review: false,
          accountId: null,
          tiersId: tiers.id,
          to: `dest-${start + i}@exemple.fr`,
          toName: null,
          content,
          secret:
            options.secret === false
              ? undefined
              : { plain: `https://extranet.test/jeton-${start + i}`, createdAt: new Date(), expiresAt: null },
        });
        out.push(id);
      }
      return out;
    });
    ids.push(...created);
  }
  return ids;
}
