import 'server-only';
import type { z } from 'zod';
import { db } from '@/server/db';
import { maskSecret, renderMail } from './render-mail';
import type { ZMailTemplate } from './schemas';
import { SECRET_PLACEHOLDER } from './templates';

const SAMPLE = {
  LOCATAIRE: { kind: 'LOCATAIRE', civility: 'Mme', firstName: 'Claire', lastName: 'Martin', companyName: null },
  PROPRIETAIRE: { kind: 'PROPRIETAIRE', civility: 'M.', firstName: 'Paul', lastName: 'Durand', companyName: null },
} as const;

/** The live preview: the template as typed (not saved), on a sample person, with the secret masked. */
export async function previewMailTemplate(input: z.output<typeof ZMailTemplate>) {
  const now = new Date();
  const expiresAt =
    input.type === 'PASSWORD_CHANGED' || input.type === 'EMAIL_CHANGE_NOTICE'
      ? null
      : new Date(now.getTime() + 7 * 86_400_000);
  const mail = await renderMail(db, {
    type: input.type,
    tiers: SAMPLE[input.audience],
    identifiant: `${SAMPLE[input.audience].lastName.toLowerCase()}.k7m2`,
    expiresAt,
    template: { subject: input.subject, intro: input.intro },
  });
  const mask = maskSecret({ secretCreatedAt: now, secretExpiresAt: expiresAt });
  return {
    subject: mail.subject,
    html: mail.html.split(SECRET_PLACEHOLDER).join(mask),
    text: mail.text.split(SECRET_PLACEHOLDER).join(mask),
  };
}
