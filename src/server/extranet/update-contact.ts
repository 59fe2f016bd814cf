import 'server-only';
import { z } from 'zod';
import { withdrawUnsentMails } from '@/server/outbox/withdraw-unsent-mails';
import { recordEvent } from '@/server/journal/record-event';
import { appLink } from '@/server/http/app-link';
import { db } from '@/server/db';
import { renderMail } from '@/server/mail/render-mail';
import { enqueueMail } from '@/server/outbox/enqueue-mail';
import { checkEmails } from '@/server/tiers/check-emails';
import { displayName } from '@/shared/tiers/names';
import { FieldsError } from './extranet-action';
import { recheckPassword } from './recheck-password';
import type { ExtranetActor } from './session-validity';
import { newToken } from '@/server/crypto/token';

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000;

export const ZContactDetails = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(320)
    .pipe(z.email('Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.')),
  phone: z
    .string()
    .trim()
    .max(30)
    .refine(
      (v) => v === '' || /^\+?[0-9 .()-]{6,30}$/.test(v),
      'Saisissez un numéro de téléphone, par exemple 06 12 34 56 78.',
    ),
  /** Asked only when the e-mail changes. */
  current: z.string().max(1024).optional(),
});

export function emailChangeLink(token: string): string {
  return appLink('/extranet/confirmer-adresse', token);
}

/**
 * "Mes coordonnées". The phone changes at once. The e-mail address is where reset links go, so changing it asks for
 * the current password (counted like a sign-in), and it changes only when the link mailed to the new address is used
 * (confirm-email-change.ts); the old address is told at once, with whom to call if it was not its owner. The journal
 * keeps the before and after for staff.
 */
export async function updateMyContact(
  actor: ExtranetActor,
  input: z.output<typeof ZContactDetails>,
  ip: string | null,
): Promise<string> {
  const before = await db.tiers.findUniqueOrThrow({
    where: { id: actor.tiersId },
    select: {
      email: true,
      phone: true,
      kind: true,
      civility: true,
      firstName: true,
      lastName: true,
      companyName: true,
    },
  });
  const phone = input.phone || null;
  const phoneChanged = (before.phone ?? null) !== phone;
  const emailChanged = before.email?.toLowerCase() !== input.email;
  if (!phoneChanged && !emailChanged) return 'Aucune modification : vos coordonnées étaient déjà à jour.';
  if (emailChanged) {
    if (!input.current) {
      const message = 'Pour changer votre adresse e-mail, saisissez votre mot de passe actuel.';
      throw new FieldsError(message, { current: [message] });
    }
    await recheckPassword(actor, input.current, ip);
  }
  // The address check of every place where one is typed (issue 15 item 2): a typo is told to the person; an address
  // already on another tiers is told to staff only, in the journal (the person must not learn who else uses it).
  const [warnings] = emailChanged ? await checkEmails(db, [{ email: input.email, tiersId: actor.tiersId }]) : [[]];
  const typo = warnings.find((w) => w.kind === 'suggestion');
  const sharedWith = warnings.flatMap((w) => (w.kind === 'shared' ? [w.tiers.id] : []));
  const { token, tokenHash } = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_MS);
  return db.$transaction(async (tx) => {
    const event = { type: 'EXTRANET' as const, accountId: actor.accountId, ip };
    if (phoneChanged) {
      await tx.tiers.update({ where: { id: actor.tiersId }, data: { phone } });
      await recordEvent(tx, event, {
        type: 'extranet.contact_changed',
        tiersId: actor.tiersId,
        targetId: actor.tiersId,
        details: { phone: { before: before.phone, after: phone } },
      });
    }
    if (!emailChanged) return 'Vos coordonnées sont enregistrées.';
    await tx.verification.upsert({
      where: { type_accountId: { type: 'EMAIL_CHANGE', accountId: actor.accountId } },
      create: {
        type: 'EMAIL_CHANGE',
        accountId: actor.accountId,
        tokenHash,
        expiresAt,
        email: input.email,
      },
      update: { tokenHash, expiresAt, email: input.email, usedAt: null, createdAt: now },
    });
    // The older link is dead: its mail, if still unsent, does not leave.
    await withdrawUnsentMails(tx, event, [actor.accountId], ['EMAIL_CHANGE_CONFIRM'], 'REPLACED', 'newer_link');
    const mail = { accountId: actor.accountId, tiersId: actor.tiersId, toName: displayName(before), review: false };
    await enqueueMail(tx, {
      ...mail,
      type: 'EMAIL_CHANGE_CONFIRM',
      to: input.email,
      content: await renderMail(tx, {
        type: 'EMAIL_CHANGE_CONFIRM',
        tiers: before,
        identifiant: actor.login,
        expiresAt,
      }),
      secret: { plain: emailChangeLink(token), createdAt: now, expiresAt },
    });
    if (before.email) {
      await enqueueMail(tx, {
        ...mail,
        type: 'EMAIL_CHANGE_NOTICE',
        to: before.email,
        content: await renderMail(tx, {
          type: 'EMAIL_CHANGE_NOTICE',
          tiers: before,
          identifiant: actor.login,
          expiresAt: null,
        }),
      });
    }
    await recordEvent(tx, event, {
      type: 'extranet.email_change_requested',
      tiersId: actor.tiersId,
      targetId: actor.tiersId,
      details: {
        email: { before: before.email, after: input.email },
        ...(sharedWith.length ? { sameAddressAsTiers: sharedWith } : {}),
      },
    });
    const check = typo
      ? ` Attention : ${typo.message.toLowerCase()} Si oui, corrigez l’adresse et enregistrez à nouveau.`
      : '';
    return `${phoneChanged ? 'Votre téléphone est enregistré. ' : ''}Un lien de confirmation vient de partir à ${input.email} : votre adresse ne changera qu’une fois ce lien ouvert (il est valable 24 heures). D’ici là, l’agence continue d’écrire à ${before.email ?? 'votre adresse actuelle'}.${check}`;
  });
}

/** The address waiting for its confirmation, if any, shown under "Mes coordonnées". */
export async function pendingEmailChange(
  actor: Pick<ExtranetActor, 'accountId'>,
): Promise<{ email: string; expiresAt: Date } | null> {
  const row = await db.verification.findFirst({
    where: { accountId: actor.accountId, type: 'EMAIL_CHANGE', usedAt: null, expiresAt: { gt: new Date() } },
    select: { email: true, expiresAt: true },
  });
  return row?.email ? { email: row.email, expiresAt: row.expiresAt } : null;
}
