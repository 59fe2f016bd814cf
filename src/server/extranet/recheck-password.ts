import 'server-only';
import { recheckPassword as recheckWithThrottle } from '@/server/session/recheck-password';
import { FieldsError } from './extranet-action';
import type { ExtranetActor } from './session-validity';

const WRONG = 'Le mot de passe actuel est incorrect : vérifiez la saisie (majuscules, chiffres) et réessayez.';

/**
 * A signed-in person types their password again before a sensitive change (the e-mail address). The attempt counts
 * against the sign-in throttle like a sign-in (same account lock, same address count), so a borrowed session cannot
 * be used to guess the password (src/server/session/recheck-password.ts).
 */
export async function recheckPassword(actor: ExtranetActor, password: string, ip: string | null): Promise<void> {
  const refusal = await recheckWithThrottle(
    'EXTRANET',
    { id: actor.accountId, login: actor.login },
    password,
    ip,
    WRONG,
  );
  if (refusal) throw new FieldsError(refusal, { current: [refusal] });
}
