import 'server-only';
import { z } from 'zod';
import { MailType, TiersKind } from '@/generated/prisma/enums';
import { recordEvent } from '@/server/journal/record-event';
import { defineStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { loadAgency, maskSecret, renderMail } from './render-mail';
import {
  defaultTemplate,
  SECRET_PLACEHOLDER,
  TEMPLATE_VARIABLES,
  unknownVariables,
  type TemplateMailType,
} from './templates';

/** The mail types whose text ADMIN edits (staff notices are written by the code). */
export const ZTemplateMailType = z.enum(MailType).exclude(['STAFF_NOTICE']);

const variableList = Object.keys(TEMPLATE_VARIABLES)
  .map((v) => `{{${v}}}`)
  .join(', ');

function noUnknownVariable(text: string, ctx: z.RefinementCtx) {
  const unknown = [...new Set(unknownVariables(text))];
  if (unknown.length) {
    ctx.addIssue({
      code: 'custom',
      message: `${unknown.length > 1 ? 'Les variables' : 'La variable'} ${unknown.map((v) => `{{${v}}}`).join(', ')} ${unknown.length > 1 ? "n'existent pas" : "n'existe pas"} : utilisez seulement ${variableList}.`,
    });
  }
}

export const ZMailTemplate = z.object({
  type: ZTemplateMailType,
  audience: z.enum(TiersKind),
  subject: z
    .string()
    .trim()
    .min(1, "Saisissez l'objet du mail.")
    .max(200, "L'objet fait au plus 200 caractères.")
    .superRefine(noUnknownVariable),
  intro: z
    .string()
    .trim()
    .min(1, "Saisissez le texte d'introduction.")
    .max(4000, "L'introduction fait au plus 4 000 caractères.")
    .superRefine(noUnknownVariable),
});

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => v || null);

export const ZAgencyIdentity = z.object({
  agencyName: z.string().trim().min(1, "Saisissez le nom de l'agence.").max(120, 'Le nom fait au plus 120 caractères.'),
  logoUrl: z
    .string()
    .trim()
    .max(500)
    .refine(
      (v) => !v || /^https?:\/\/[^\s]+$/.test(v),
      "Saisissez une adresse complète commençant par https:// (le logo doit être en ligne pour s'afficher dans les mails), ou laissez vide.",
    )
    .transform((v) => v || null),
  mailSignature: optionalText(500, 'La signature fait au plus 500 caractères.'),
  /** Where replies to the agency's mails go (Reply-To), also shown in the signature (docs/decisions/016). */
  agencyEmail: z
    .string()
    .trim()
    .max(254)
    .refine(
      (v) => !v || z.email().safeParse(v).success,
      'Saisissez une adresse e-mail complète (nom@domaine.fr), ou laissez vide.',
    )
    .transform((v) => v || null)
    .optional(),
});

/** What the Paramètres → Mails page shows for one template: the text in use and whether the agency changed it. */
export async function getMailTemplateSettings(type: TemplateMailType, audience: TiersKind) {
  const [agency, custom] = await Promise.all([
    loadAgency(db),
    db.mailTemplate.findUnique({
      where: { type_audience: { type, audience } },
      select: { subject: true, intro: true, updatedAt: true },
    }),
  ]);
  return {
    agency,
    template: custom ?? defaultTemplate(type, audience),
    customizedAt: custom?.updatedAt ?? null,
    variables: TEMPLATE_VARIABLES,
  };
}

export const saveAgencyIdentity = defineStaffAction({
  permission: 'settings:write',
  input: ZAgencyIdentity,
  async run({ input, audit }) {
    await db.$transaction(async (tx) => {
      await tx.agencySettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
      await recordEvent(tx, audit, {
        type: 'settings.mail_identity_updated',
        targetId: '1',
        details: input,
      });
    });
    return { message: "Identité de l'agence enregistrée : les prochains mails générés l'utiliseront." };
  },
});

export const saveMailTemplate = defineStaffAction({
  permission: 'settings:write',
  input: ZMailTemplate,
  async run({ input, audit, actor }) {
    const { type, audience, subject, intro } = input;
    await db.$transaction(async (tx) => {
      const row = await tx.mailTemplate.upsert({
        where: { type_audience: { type, audience } },
        create: { type, audience, subject, intro, updatedById: actor.id },
        update: { subject, intro, updatedById: actor.id },
        select: { id: true },
      });
      await recordEvent(tx, audit, {
        type: 'settings.mail_template_updated',
        targetId: row.id,
        details: { type, audience },
      });
    });
    return { message: 'Modèle enregistré : les prochains mails générés l’utiliseront.' };
  },
});

export const resetMailTemplate = defineStaffAction({
  permission: 'settings:write',
  input: z.object({ type: ZTemplateMailType, audience: z.enum(TiersKind) }),
  async run({ input, audit }) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.mailTemplate.deleteMany({ where: input });
      if (count)
        await recordEvent(tx, audit, {
          type: 'settings.mail_template_reset',
          details: input,
        });
    });
    return { message: 'Modèle par défaut rétabli.' };
  },
});

const SAMPLE = {
  LOCATAIRE: { kind: 'LOCATAIRE', civility: 'Mme', firstName: 'Claire', lastName: 'Martin', companyName: null },
  PROPRIETAIRE: { kind: 'PROPRIETAIRE', civility: 'M.', firstName: 'Paul', lastName: 'Durand', companyName: null },
} as const;

/** The live preview: the template as typed (not saved), on a sample person, with the secret masked. */
export const previewMailTemplate = defineStaffAction({
  permission: 'settings:write',
  input: ZMailTemplate,
  async run({ input }) {
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
      data: {
        subject: mail.subject,
        html: mail.html.split(SECRET_PLACEHOLDER).join(mask),
        text: mail.text.split(SECRET_PLACEHOLDER).join(mask),
      },
    };
  },
});
