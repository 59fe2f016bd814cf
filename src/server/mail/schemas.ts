import 'server-only';
import { z } from 'zod';
import { MailType, TiersKind } from '@/generated/prisma/enums';
import { TEMPLATE_VARIABLES, unknownVariables } from './templates';

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

export const ZMailTemplateKey = z.object({ type: ZTemplateMailType, audience: z.enum(TiersKind) });
