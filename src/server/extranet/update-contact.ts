import 'server-only';
import { z } from 'zod';
import { recordEvent } from '@/server/audit/record-event';
import { db } from '@/server/db';
import type { ExtranetActor } from './session-validity';

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
});

/** "Mes coordonnées": the person updates their e-mail and phone; the journal keeps the before and after for staff. */
export async function updateMyContact(
  actor: ExtranetActor,
  input: z.output<typeof ZContactDetails>,
  ip: string | null,
): Promise<string> {
  return db.$transaction(async (tx) => {
    const before = await tx.tiers.findUniqueOrThrow({
      where: { id: actor.tiersId },
      select: { email: true, phone: true },
    });
    const after = { email: input.email, phone: input.phone || null };
    const changed = (['email', 'phone'] as const).filter((k) => (before[k] ?? null) !== after[k]);
    if (!changed.length) return 'Aucune modification : vos coordonnées étaient déjà à jour.';
    await tx.tiers.update({ where: { id: actor.tiersId }, data: after });
    await recordEvent(
      tx,
      { type: 'EXTRANET', accountId: actor.accountId, ip },
      {
        type: 'extranet.contact_changed',
        tiersId: actor.tiersId,
        targetType: 'Tiers',
        targetId: actor.tiersId,
        details: Object.fromEntries(changed.map((k) => [k, { before: before[k], after: after[k] }])),
      },
    );
    return 'Vos coordonnées sont enregistrées.';
  });
}
