import type { DeliveryEventKind } from '@/generated/prisma/enums';

// What the relay or a DSN said after a mail left (docs/decisions/022). Client-safe: the centre d'envoi prints them.

export const DELIVERY_KIND_LABELS: Record<DeliveryEventKind, string> = {
  DELIVERED: 'Remis',
  DEFERRED: 'Différé',
  SOFT_BOUNCE: 'Refus temporaire',
  HARD_BOUNCE: 'Adresse inexistante',
  BLOCKED: 'Bloqué',
  COMPLAINED: 'Signalé comme spam',
};

/** Final kinds decide the mail's outcome; the others are shown without changing it. */
export const FINAL_DELIVERY_KINDS: readonly DeliveryEventKind[] = ['DELIVERED', 'HARD_BOUNCE', 'BLOCKED', 'COMPLAINED'];

export const isFinalDeliveryKind = (kind: DeliveryEventKind) => FINAL_DELIVERY_KINDS.includes(kind);

/** "Rejeté le 6 décembre 2026 à 23:10 : 5.1.1 user unknown", for a row or the loupe. */
export function describeDelivery(
  delivery: { kind: DeliveryEventKind; at: Date | string; detail: string | null },
  format: (d: Date) => string,
): string {
  const at = format(new Date(delivery.at));
  return `${DELIVERY_KIND_LABELS[delivery.kind]} le ${at}${delivery.detail ? ` : ${delivery.detail}` : ''}`;
}
