import 'server-only';
import { z } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { displayName, tiersNameSelect } from '@/shared/tiers/names';

/** The people ticked in the list: one id or many (a form sends a single checkbox as a string). */
export const ZSelection = z.object({
  ids: z.preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z
      .array(z.string().min(1).max(64))
      .min(1, 'Sélectionnez au moins une personne dans la liste.')
      .max(5000, 'Sélectionnez au plus 5 000 personnes à la fois.')
      .transform((ids) => [...new Set(ids)]),
  ),
});
export type TSelection = z.output<typeof ZSelection>;

const selectPerson = {
  id: true,
  kind: true,
  ...tiersNameSelect,
  email: true,
  addressLine: true,
  postalCode: true,
  city: true,
  account: { select: { id: true, login: true, status: true } },
} satisfies Prisma.TiersSelect;

export type SelectedPerson = Prisma.TiersGetPayload<{ select: typeof selectPerson }> & { name: string };

/** Loads every selected tiers with its account. One unknown (or archived) id and nothing is done: 404. */
export async function loadSelection(tx: Tx, ids: string[]): Promise<SelectedPerson[]> {
  const people = await tx.tiers.findMany({ where: { id: { in: ids }, archivedAt: null }, select: selectPerson });
  if (people.length !== ids.length) throw new NotFoundError('tiers');
  const order = new Map(ids.map((id, i) => [id, i]));
  return people.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map((p) => ({ ...p, name: displayName(p) }));
}

export const SELECTION_CHANGED =
  "La sélection a changé pendant l'opération (quelqu'un d'autre agit sur ces accès) : rechargez la page et réessayez.";

/** A concurrent change seen as a unique violation: the transaction is rolled back and the person told to retry. */
export function rethrowConflict(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
    throw new UserError(SELECTION_CHANGED);
  throw error;
}

/** A list of names for a message, shortened past a few. */
export function nameList(people: { name: string }[], max = 5): string {
  const names = people.slice(0, max).map((p) => p.name);
  return people.length > max ? `${names.join(', ')} et ${people.length - max} autre(s)` : names.join(', ');
}
