import 'server-only';
import type { TiersKind } from '@/generated/prisma/enums';
import type { CurrentSession } from '@/server/session/sessions';
import { displayName } from '@/shared/tiers/names';

export type ExtranetActor = {
  accountId: string;
  sessionId: string;
  tiersId: string;
  login: string;
  kind: TiersKind;
  name: string;
  mustChangePassword: boolean;
};

/** The extranet person of a valid session (src/server/session checks it), as the extranet's use cases take them. */
export function extranetActor(session: CurrentSession): ExtranetActor | null {
  const { account } = session;
  if (session.audience !== 'EXTRANET' || !account) return null;
  return {
    accountId: account.id,
    sessionId: session.id,
    tiersId: account.tiersId,
    login: account.login,
    kind: account.tiers.kind,
    name: displayName(account.tiers),
    mustChangePassword: account.mustChangePassword,
  };
}
