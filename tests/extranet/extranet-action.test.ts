// The extranet wrapper resolves the person like the staff one (docs/decisions/046): a person's action refuses
// without a session and while a temporary password stands; an anonymous one runs without anyone.
import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { contactAgencyAction, requestPasswordResetAction, setFirstPasswordAction } from '@/server/extranet/actions';
import { EXTRANET_MESSAGES, executeExtranetAction } from '@/server/extranet/extranet-action';
import { RESET_REQUESTED } from '@/server/extranet/messages';
import { createExtranetAccount, signedInActor } from '../factories/extranet';

const request = { ip: '203.0.113.30', userAgent: 'vitest' };
const message = { subject: 'Chauffe-eau', body: 'Il ne chauffe plus depuis hier.' };
const signedOut = { ok: false, error: EXTRANET_MESSAGES.signedOut };

describe('extranetAction', () => {
  it("runs a person's action for the signed-in person, and refuses without a session", async () => {
    const { account } = await createExtranetAccount();
    const actor = await signedInActor(account.id);

    expect(await executeExtranetAction(contactAgencyAction, null, message, request)).toEqual(signedOut);
    expect(await executeExtranetAction(contactAgencyAction, actor, message, request)).toEqual({
      ok: true,
      message: "Votre message est envoyé à l'agence. Elle vous répondra par e-mail ou par téléphone.",
    });
    const saved = await db.contactMessage.findMany({ where: { accountId: account.id }, select: { tiersId: true } });
    expect(saved).toEqual([{ tiersId: account.tiersId }]);
  });

  it('refuses while the temporary password stands, except the first-password form', async () => {
    const { account } = await createExtranetAccount({ temporary: true });
    const actor = await signedInActor(account.id);
    expect(actor.mustChangePassword).toBe(true);

    expect(await executeExtranetAction(contactAgencyAction, actor, message, request)).toEqual(signedOut);
    const weak = await executeExtranetAction(
      setFirstPasswordAction,
      actor,
      { password: 'court', confirm: 'court' },
      request,
    );
    // Not refused as signed out: the policy answered, under the field.
    expect(weak).toMatchObject({ ok: false, fieldErrors: { password: expect.any(Array) } });
  });

  it('runs an anonymous action without anyone, and answers bad input field by field', async () => {
    expect(
      await executeExtranetAction(requestPasswordResetAction, null, { identifier: 'personne.x1y2' }, request),
    ).toEqual({ ok: true, message: RESET_REQUESTED });
    const invalid = await executeExtranetAction(
      contactAgencyAction,
      await signedInActor((await createExtranetAccount()).account.id),
      { subject: '', body: '' },
      request,
    );
    expect(invalid).toMatchObject({ ok: false, error: EXTRANET_MESSAGES.invalid });
  });
});
