import 'server-only';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { ActionResult } from '@/shared/action-result';
import { NotFoundError, UserError } from '@/server/errors';
import { isDatabaseUnavailable, OUTAGE_MESSAGE } from '@/server/http/outage';
import { getExtranetActor, type ExtranetActor } from './extranet-session';
import { requestInfo } from './request-info';

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

/** The request an extranet action runs for: the client address and browser (the attempt log and the journal). */
export type ExtranetRequest = { ip: string | null; userAgent: string | null };

type Outcome<T> = Promise<{ message?: string; data?: T } | void>;

/**
 * An action of the signed-in person: `run` receives them (`actor`, the session checked against the database), the
 * parsed input and the request. Refused while the temporary password has not been replaced, except with
 * `passwordChange: true` (the first-password form, whose page requires the session: without one it goes to the
 * sign-in page, like the page itself).
 */
export type ExtranetActionDefinition<S extends z.ZodType, T> = {
  input: S;
  passwordChange?: boolean;
  run: (ctx: { actor: ExtranetActor; input: z.output<S>; request: ExtranetRequest }) => Outcome<T>;
};

/**
 * An action that runs without a signed-in person (forgotten password, a link from a mail): `run` receives the parsed
 * input and the request only. The sign-in form is not one: it answers its own state (src/app/extranet/connexion).
 */
export type AnonymousExtranetActionDefinition<S extends z.ZodType, T> = {
  anonymous: true;
  input: S;
  run: (ctx: { input: z.output<S>; request: ExtranetRequest }) => Outcome<T>;
};

/** Declares an action of the signed-in person; bind it in the route's actions.ts with `extranetAction`. */
export function defineExtranetAction<S extends z.ZodType, T = undefined>(definition: ExtranetActionDefinition<S, T>) {
  return definition;
}

/** Declares an action without a signed-in person; bind it in the route's actions.ts with `extranetAction`. */
export function defineAnonymousExtranetAction<S extends z.ZodType, T = undefined>(
  definition: Omit<AnonymousExtranetActionDefinition<S, T>, 'anonymous'>,
): AnonymousExtranetActionDefinition<S, T> {
  return { ...definition, anonymous: true };
}

/** Checks the person (unless the action is anonymous), parses the input, runs it; every failure in French. */
export async function executeExtranetAction<S extends z.ZodType, T>(
  definition: ExtranetActionDefinition<S, T> | AnonymousExtranetActionDefinition<S, T>,
  actor: ExtranetActor | null,
  raw: unknown,
  request: ExtranetRequest,
): Promise<ActionResult<T>> {
  if ('anonymous' in definition)
    return runExtranet(definition.input, raw, (input) => definition.run({ input, request }));
  if (!actor || (actor.mustChangePassword && !definition.passwordChange))
    return { ok: false, error: EXTRANET_MESSAGES.signedOut };
  return runExtranet(definition.input, raw, (input) => definition.run({ actor, input, request }));
}

/**
 * The only way to expose an extranet action: resolves the signed-in person (unless anonymous) and the request,
 * then executes the definition. Works with useActionState.
 */
export function extranetAction<S extends z.ZodType, T>(
  definition: ExtranetActionDefinition<S, T> | AnonymousExtranetActionDefinition<S, T>,
) {
  return async (...args: [unknown] | [unknown, FormData]): Promise<ActionResult<T>> => {
    const raw = args.length === 2 ? args[1] : args[0];
    const [actor, request] = await Promise.all(['anonymous' in definition ? null : getExtranetActor(), requestInfo()]);
    if (!actor && !('anonymous' in definition) && definition.passwordChange) redirect('/extranet/connexion');
    return executeExtranetAction(definition, actor, raw, request);
  };
}
