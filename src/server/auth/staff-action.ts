import 'server-only';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { Actor } from '@/server/journal/record-event';
import { can, type Permission } from '@/server/auth/permissions';
import { getStaffActor, type StaffActor } from '@/server/auth/staff-session';
import { clientIp } from '@/server/http/client-ip';
import { NotFoundError, UserError } from '@/server/errors';
import { isDatabaseUnavailable, OUTAGE_MESSAGE, outageResponse } from '@/server/http/outage';
import type { ActionResult } from '@/shared/action-result';

/** The journal's actor for a staff member: what a use case called by a staff action takes first. */
export type StaffAudit = Extract<Actor, { type: 'STAFF' }>;

export type StaffContext<I> = { actor: StaffActor; audit: StaffAudit; input: I; ip: string | null };

export const MESSAGES = {
  signedOut: 'Votre session a pris fin. Reconnectez-vous pour continuer.',
  forbidden: 'Votre rôle ne permet pas cette action. Demandez à un administrateur si vous en avez besoin.',
  notFound: "Élément introuvable : il n'existe pas ou plus. Rechargez la page.",
  invalid: 'Certains champs sont invalides : corrigez-les puis réessayez.',
  unexpected: "Une erreur inattendue est survenue. Réessayez ; si elle persiste, prévenez l'administrateur.",
} as const;

/** FormData to a plain object; a key sent several times (checkboxes) becomes an array. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = form.getAll(key);
    out[key] = values.length > 1 || key.endsWith('[]') ? values : values[0];
  }
  return out;
}

export type StaffActionDefinition<S extends z.ZodType, T> = {
  permission: Permission;
  input: S;
  run: (ctx: StaffContext<z.output<S>>) => Promise<{ message?: string; data?: T }>;
};

/** Declares a staff action: its permission, its input schema and what it does. Bind it with `staffAction`. */
export function defineStaffAction<S extends z.ZodType, T = undefined>(definition: StaffActionDefinition<S, T>) {
  return definition;
}

/** Checks the permission, parses the input, runs the action, and turns every failure into a French message. */
export async function executeStaffAction<S extends z.ZodType, T>(
  definition: StaffActionDefinition<S, T>,
  actor: StaffActor | null,
  raw: unknown,
  ip: string | null,
): Promise<ActionResult<T>> {
  try {
    if (!actor) return { ok: false, error: MESSAGES.signedOut };
    if (!can(actor.role, definition.permission)) return { ok: false, error: MESSAGES.forbidden };
    const parsed = definition.input.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
    if (!parsed.success) return invalid(parsed.error);
    const result = await definition.run({
      actor,
      audit: { type: 'STAFF', staffId: actor.id, ip },
      input: parsed.data,
      ip,
    });
    return { ok: true, ...result };
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, definition.permission);
  }
}

/**
 * The only way to expose a staff server action: resolves the signed-in staff member (credential version checked
 * against the database) and the client IP, then executes the definition. Works with useActionState too.
 */
export function staffAction<S extends z.ZodType, T>(definition: StaffActionDefinition<S, T>) {
  return async (...args: [unknown] | [unknown, FormData]): Promise<ActionResult<T>> => {
    const raw = args.length === 2 ? args[1] : args[0];
    const [actor, requestHeaders] = await Promise.all([getStaffActor(), headers()]);
    return executeStaffAction(definition, actor, raw, clientIp(requestHeaders));
  };
}

function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join('.') || 'form'] ??= []).push(issue.message);
  return { ok: false, error: MESSAGES.invalid, fieldErrors };
}

function failure(error: unknown, where: string): ActionResult<never> {
  if (error instanceof UserError) return { ok: false, error: error.message };
  if (error instanceof NotFoundError) return { ok: false, error: MESSAGES.notFound };
  if (isDatabaseUnavailable(error)) return { ok: false, error: OUTAGE_MESSAGE };
  console.error(`[action ${where}]`, error);
  return { ok: false, error: MESSAGES.unexpected };
}

/** The same guarantees for route handlers (downloads, exports, polling): 401, 404 (also for a missing permission), 400. */
export function staffRoute<S extends z.ZodType>(
  options: { permission: Permission; query: S },
  handler: (ctx: StaffContext<z.output<S>>, request: Request) => Promise<Response>,
) {
  return async (request: Request): Promise<Response> => {
    try {
      const actor = await getStaffActor();
      if (!actor) return Response.json({ error: MESSAGES.signedOut }, { status: 401 });
      if (!can(actor.role, options.permission)) return Response.json({ error: MESSAGES.notFound }, { status: 404 });
      const parsed = options.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success)
        return Response.json(
          { error: MESSAGES.invalid, issues: parsed.error.issues.map((i) => i.message) },
          { status: 400 },
        );
      const ip = clientIp(request.headers);
      return await handler({ actor, audit: { type: 'STAFF', staffId: actor.id, ip }, input: parsed.data, ip }, request);
    } catch (error) {
      if (error instanceof NotFoundError) return Response.json({ error: MESSAGES.notFound }, { status: 404 });
      if (error instanceof UserError) return Response.json({ error: error.message }, { status: 400 });
      if (isDatabaseUnavailable(error)) return outageResponse();
      console.error(`[route ${options.permission}]`, error);
      return Response.json({ error: MESSAGES.unexpected }, { status: 500 });
    }
  };
}
