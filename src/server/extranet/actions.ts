import 'server-only';
import { z } from 'zod';
import { defineStaffAction } from '@/server/auth/staff-action';
import { changeOwnPassword, ZChangePassword } from './change-password';
import { confirmEmailChange } from './confirm-email-change';
import { contactAgency, ZContactMessage } from './contact-agency';
import { defineAnonymousExtranetAction, defineExtranetAction } from './extranet-action';
import { requestPasswordReset, ZResetRequest } from './request-password-reset';
import { resetPasswordWithToken, ZTokenPassword } from './reset-password-with-token';
import { openSpaceView } from './space-view';
import { updateMyContact, ZContactDetails } from './update-contact';

// The extranet's actions: the person's own (defineExtranetAction, the person resolved by the wrapper), those that run
// without a session (defineAnonymousExtranetAction: a forgotten password, a link from a mail), and one staff action.

/** "Mes coordonnées". */
export const updateContactAction = defineExtranetAction({
  input: ZContactDetails,
  async run({ actor, input, request }) {
    return { message: await updateMyContact(actor, input, request.ip) };
  },
});

/** "Contacter l'agence". */
export const contactAgencyAction = defineExtranetAction({
  input: ZContactMessage,
  async run({ actor, input, request }) {
    await contactAgency(actor, input, request.ip);
    return { message: "Votre message est envoyé à l'agence. Elle vous répondra par e-mail ou par téléphone." };
  },
});

/** "Sécurité" → changer le mot de passe (the current one asked). */
export const changePasswordAction = defineExtranetAction({
  input: ZChangePassword,
  run: ({ actor, input, request }) => changeOwnPassword(actor, input, request.ip),
});

/** After a login with a temporary password: the new password replaces it (reachable only in that state's page). */
export const setFirstPasswordAction = defineExtranetAction({
  input: ZChangePassword,
  passwordChange: true,
  run: ({ actor, input, request }) => changeOwnPassword(actor, input, request.ip),
});

/** "Mot de passe oublié": the same work and answer for any entry; the mail, if any, is prepared by the worker. */
export const requestPasswordResetAction = defineAnonymousExtranetAction({
  input: ZResetRequest,
  async run({ input, request }) {
    return { message: await requestPasswordReset(input, request.ip) };
  },
});

/** From a reset or activation link (?jeton=…): the password is set; returns the new session's token. */
export const resetPasswordWithTokenAction = defineAnonymousExtranetAction<typeof ZTokenPassword, { token: string }>({
  input: ZTokenPassword,
  async run({ input, request }) {
    return { data: await resetPasswordWithToken(input, request) };
  },
});

/** From the link mailed to a new address: the address becomes the person's. */
const ZConfirmEmail = z.object({ jeton: z.string().min(1).max(200) });
export const confirmEmailChangeAction = defineAnonymousExtranetAction({
  input: ZConfirmEmail,
  async run({ input, request }) {
    const { email } = await confirmEmailChange(input.jeton, request.ip);
    return {
      message: `C’est fait : votre adresse e-mail est maintenant ${email}. Les prochains mails de l’agence y arriveront.`,
    };
  },
});

/** "Voir son espace": a 15-minute read-only view of the person's extranet (docs/decisions/026); every role may. */
const ZTiers = z.object({ tiersId: z.string().min(1).max(64) });
export const openSpaceViewAction = defineStaffAction<typeof ZTiers, { grantId: string }>({
  permission: 'access:read',
  input: ZTiers,
  async run({ input, audit }) {
    const { grantId } = await openSpaceView(audit, input.tiersId);
    return { data: { grantId } };
  },
});
