import 'server-only';
import { listTiersOptions } from '@/server/tiers/list-tiers';
import { displayName } from '@/shared/tiers/names';

/** Owners or tenants for a select: "Mme Claire Martin (LOC-00012)". */
export async function tiersOptions(kind: 'LOCATAIRE' | 'PROPRIETAIRE') {
  return (await listTiersOptions(kind)).map((t) => ({
    id: t.id,
    label: t.externalRef ? `${displayName(t)} (${t.externalRef})` : displayName(t),
  }));
}
