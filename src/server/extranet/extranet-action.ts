import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { ActionResult } from '@/shared/action-result';
import { NotFoundError, UserError } from '@/server/errors';
import { isDatabaseUnavailable, OUTAGE_MESSAGE } from '@/server/http/outage';

/** A failure tied to form fields: each message is shown under its field. */
export class FieldsError extends UserError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]>,
  ) {
    super(message);
  }
}

export const EXTRANET_MESSAGES = {
  signedOut: 'Votre session a pris fin. Reconnectez-vous pour continuer.',
  notFound: "Élément introuvable : il n'existe pas ou plus. Rechargez la page.",
  invalid: 'Certains champs sont invalides : corrigez-les puis réessayez.',
  unexpected: "Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez l'agence.",
} as const;

/** Parses the input and runs an extranet use case, turning every failure into a French message. */
export async function runExtranet<S extends z.ZodType, T = undefined>(
  schema: S,
  raw: unknown,
  run: (input: z.output<S>) => Promise<{ message?: string; data?: T } | void>,
): Promise<ActionResult<T>> {
  try {
    const parsed = schema.safeParse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || 'form'] ??= []).push(issue.message);
      return { ok: false, error: EXTRANET_MESSAGES.invalid, fieldErrors };
    }
    const result = await run(parsed.data);
    return { ok: true, ...(result ?? {}) };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof FieldsError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    if (error instanceof UserError) return { ok: false, error: error.message };
    if (error instanceof NotFoundError) return { ok: false, error: EXTRANET_MESSAGES.notFound };
    if (isDatabaseUnavailable(error)) return { ok: false, error: OUTAGE_MESSAGE };
    console.error('[extranet action]', error);
    return { ok: false, error: EXTRANET_MESSAGES.unexpected };
  }
}
