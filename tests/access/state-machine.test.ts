import { describe, expect, it } from 'vitest';
import { generateCredentialsAction, enrollAction, unenrollAction } from '@/server/access/actions';
import { listAccounts } from '@/server/access/list-accounts';
import { ZListQuery } from '@/server/access/schemas';
import { hashToken } from '@/server/crypto/token';
import { executeStaffAction } from '@/server/auth/staff-action';
import { verifyPassword } from '@/server/session/password';
import { db } from '@/server/db';
import { decryptSecret } from '@/server/crypto/secret-box';
import { createStaffUser, createTiers } from '../factories';
import { createEnrolledTiers, staffAudit } from '../factories/access';

const LOGIN = /^[a-z0-9-]{1,12}\.[abcdefghjkmnpqrstuvwxyz23456789]{4}$/;

async function statusOf(tiersId: string, q: string) {
  const page = await listAccounts(ZListQuery.parse({ q }));
  return page.rows.find((r) => r.tiersId === tiersId)?.status;
}

async function snapshot(tiersId: string) {
  const account = await db.extranetAccount.findUnique({
    where: { tiersId },
    include: { password: true, verifications: true },
  });
  const mails = await db.outboxMail.findMany({
    where: { tiersId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, status: true, secretCiphertext: true },
  });
  const events = await db.auditEvent.count({ where: { tiersId } });
  return { account, mails, events };
}

describe('the account state machine, through the staff actions', () => {
  it('Non inscrit → Inscrire → envelope → second envelope → Désinscrire → Inscrire, each step traced', async () => {
    const staff = await createStaffUser({ role: 'GESTIONNAIRE' });
    const tiers = await createTiers({ lastName: 'Lefèvre-Dupré', kind: 'PROPRIETAIRE' });
    expect(await statusOf(tiers.id, 'lefevre')).toBe('NOT_ENROLLED');

    const enrolled = await executeStaffAction(enrollAction, staff, { ids: [tiers.id] }, '203.0.113.1');
    expect(enrolled).toEqual({ ok: true, message: '1 accès inscrit.' });
    const account = await db.extranetAccount.findUniqueOrThrow({ where: { tiersId: tiers.id } });
    expect(account.login).toMatch(LOGIN);
    expect(account.login.startsWith('lefevre-dupr.')).toBe(true);
    expect(account.status).toBe('ENROLLED');
    expect(await db.outboxMail.count({ where: { tiersId: tiers.id } })).toBe(0); // no mail leaves by itself
    expect(await statusOf(tiers.id, 'lefevre')).toBe('CREDENTIALS_TO_SEND');

    const first = await executeStaffAction(generateCredentialsAction, staff, { ids: [tiers.id] }, '203.0.113.1');
    expect(first.ok).toBe(true);
    expect(first.ok && first.message).toMatch(/^1 mail d'identifiants généré/);
    const afterFirst = await snapshot(tiers.id);
    expect(afterFirst.account).toMatchObject({
      credentialVersion: 1,
      mustChangePassword: true,
      credentialsGeneratedById: staff.id,
    });
    expect(afterFirst.account?.password).toMatchObject({ isTemporary: true });
    const days = (afterFirst.account!.password!.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(afterFirst.mails).toHaveLength(1);
    expect(afterFirst.mails[0].status).toBe('PENDING_REVIEW');
    const mail = await db.outboxMail.findUniqueOrThrow({ where: { id: afterFirst.mails[0].id } });
    expect(mail).toMatchObject({
      type: 'CREDENTIALS',
      toAddress: tiers.email,
      accountId: account.id,
      createdById: staff.id,
    });
    expect(mail.html).toContain(account.login);
    // The hash on the account verifies exactly the secret the mail will carry.
    const secret = decryptSecret(mail.secretCiphertext!);
    expect((await verifyPassword(afterFirst.account!.password!.hash, secret)).valid).toBe(true);
    expect(mail.html).not.toContain(secret);
    expect(mail.text).not.toContain(secret);

    const second = await executeStaffAction(generateCredentialsAction, staff, { ids: [tiers.id] }, null);
    expect(second.ok && second.message).toMatch(/1 mail précédent non envoyé est remplacé/);
    const afterSecond = await snapshot(tiers.id);
    expect(afterSecond.mails.map((m) => m.status)).toEqual(['REPLACED', 'PENDING_REVIEW']);
    expect(afterSecond.mails[0].secretCiphertext).toBeNull();
    expect(afterSecond.account?.credentialVersion).toBe(2);
    expect((await verifyPassword(afterSecond.account!.password!.hash, secret)).valid).toBe(false);

    const unenrolled = await executeStaffAction(unenrollAction, staff, { ids: [tiers.id] }, null);
    expect(unenrolled).toEqual({ ok: true, message: '1 accès désinscrit.' });
    const afterUnenroll = await snapshot(tiers.id);
    expect(afterUnenroll.account).toMatchObject({
      status: 'UNENROLLED',
      credentialVersion: 3,
      password: null,
      verifications: [],
    });
    expect(afterUnenroll.account?.unenrolledAt).toBeInstanceOf(Date);
    expect(afterUnenroll.mails.map((m) => m.status)).toEqual(['REPLACED', 'CANCELLED']);
    expect(afterUnenroll.mails.every((m) => m.secretCiphertext === null)).toBe(true);
    expect(await statusOf(tiers.id, 'lefevre')).toBe('UNENROLLED');

    const again = await executeStaffAction(enrollAction, staff, { ids: [tiers.id] }, null);
    expect(again).toEqual({ ok: true, message: '1 accès inscrit.' });
    const reenrolled = await db.extranetAccount.findUniqueOrThrow({ where: { tiersId: tiers.id } });
    expect(reenrolled).toMatchObject({ status: 'ENROLLED', login: account.login, unenrolledAt: null });
    expect(await statusOf(tiers.id, 'lefevre')).toBe('CREDENTIALS_TO_SEND');

    const events = await db.auditEvent.findMany({ where: { tiersId: tiers.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.type)).toEqual([
      'access.enrolled',
      'access.credentials_generated',
      'access.credentials_generated',
      // Written as each mail is withdrawn, in the Désinscrire's transaction, before its summary event.
      'mail.cancelled',
      'access.unenrolled',
      'access.enrolled',
    ]);
    expect(events.every((e) => e.actorStaffId === staff.id && e.actorType === 'STAFF')).toBe(true);
    expect(events[0].ip).toBe('203.0.113.1');
    expect(events[1]).toMatchObject({ targetType: 'ExtranetAccount', targetId: account.id });
  });

  it('refuses Inscrire on someone already enrolled, and changes nothing', async () => {
    const { audit, staff } = await staffAudit();
    const { tiers } = await createEnrolledTiers(audit);
    const before = await snapshot(tiers.id);
    const result = await executeStaffAction(enrollAction, staff, { ids: [tiers.id] }, null);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/est déjà inscrit\(e\) : rien à faire/) });
    expect(await snapshot(tiers.id)).toEqual(before);
  });

  it('refuses Désinscrire on someone not enrolled or already désinscrit', async () => {
    const { audit, staff } = await staffAudit();
    const never = await createTiers();
    expect(await executeStaffAction(unenrollAction, staff, { ids: [never.id] }, null)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/rien à désinscrire/),
    });
    const { tiers } = await createEnrolledTiers(audit);
    expect((await executeStaffAction(unenrollAction, staff, { ids: [tiers.id] }, null)).ok).toBe(true);
    const before = await snapshot(tiers.id);
    expect(await executeStaffAction(unenrollAction, staff, { ids: [tiers.id] }, null)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/rien à désinscrire/),
    });
    expect(await snapshot(tiers.id)).toEqual(before);
  });

  it('refuses the envelope on a désinscrit account, on someone never enrolled, and on someone without e-mail', async () => {
    const { audit, staff } = await staffAudit();
    const { tiers: gone } = await createEnrolledTiers(audit);
    await executeStaffAction(unenrollAction, staff, { ids: [gone.id] }, null);
    const goneBefore = await snapshot(gone.id);
    expect(await executeStaffAction(generateCredentialsAction, staff, { ids: [gone.id] }, null)).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^Aucun mail d'identifiants n'a été généré\. .* est désinscrit\(e\) : cliquez d'abord sur « Inscrire »\./,
      ),
    });
    expect(await snapshot(gone.id)).toEqual(goneBefore);

    const never = await createTiers();
    expect(await executeStaffAction(generateCredentialsAction, staff, { ids: [never.id] }, null)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/n'est pas inscrit\(e\)/),
    });

    // Enrolling without an e-mail address is allowed; the envelope then says where to add one.
    const { tiers: noMail } = await createEnrolledTiers(audit, { email: null });
    const noMailBefore = await snapshot(noMail.id);
    const refused = await executeStaffAction(generateCredentialsAction, staff, { ids: [noMail.id] }, null);
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringContaining(
        `n'a pas d'adresse e-mail : ajoutez-la dans [sa fiche tiers](/gestion/tiers/${noMail.id})`,
      ),
    });
    expect(await snapshot(noMail.id)).toEqual(noMailBefore);

    // One refused person in a selection refuses the whole envelope: nobody gets a mail.
    const { tiers: fine } = await createEnrolledTiers(audit);
    const mixed = await executeStaffAction(generateCredentialsAction, staff, { ids: [fine.id, noMail.id] }, null);
    expect(mixed.ok).toBe(false);
    expect(await db.outboxMail.count({ where: { tiersId: fine.id } })).toBe(0);
  });

  it('acts on many at once and says how many changed ("3 accès désinscrits")', async () => {
    const { audit, staff } = await staffAudit();
    const people = await Promise.all([1, 2, 3].map(() => createEnrolledTiers(audit)));
    const never = await createTiers();
    const result = await executeStaffAction(
      unenrollAction,
      staff,
      { ids: [...people.map((p) => p.tiers.id), never.id] },
      null,
    );
    expect(result).toEqual({ ok: true, message: "3 accès désinscrits ; 1 personne n'avait pas d'accès actif." });
    const enrolled = await executeStaffAction(
      enrollAction,
      staff,
      { ids: [...people.map((p) => p.tiers.id), never.id] },
      null,
    );
    expect(enrolled).toEqual({ ok: true, message: '4 accès inscrits.' });
  });

  it('in activation-link mode, keeps only the token hash and puts the link in the mail', async () => {
    const { audit, staff } = await staffAudit();
    await db.agencySettings.upsert({
      where: { id: 1 },
      create: { id: 1, deliveryMode: 'ACTIVATION_LINK', temporaryPasswordDays: 3 },
      update: { deliveryMode: 'ACTIVATION_LINK', temporaryPasswordDays: 3 },
    });
    try {
      const { tiers, account } = await createEnrolledTiers(audit);
      expect((await executeStaffAction(generateCredentialsAction, staff, { ids: [tiers.id] }, null)).ok).toBe(true);
      const mail = await db.outboxMail.findFirstOrThrow({ where: { tiersId: tiers.id } });
      expect(mail.type).toBe('ACTIVATION_LINK');
      const link = new URL(decryptSecret(mail.secretCiphertext!));
      expect(link.pathname).toBe('/extranet/nouveau-mot-de-passe');
      const token = link.searchParams.get('jeton')!;
      const verification = await db.verification.findUniqueOrThrow({
        where: { type_accountId: { type: 'ACTIVATION', accountId: account.id } },
      });
      expect(verification.tokenHash).toBe(hashToken(token));
      expect(Math.round((verification.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(3);
      expect(await db.extranetPassword.count({ where: { accountId: account.id } })).toBe(0);
      expect((await db.extranetAccount.findUniqueOrThrow({ where: { id: account.id } })).mustChangePassword).toBe(
        false,
      );
    } finally {
      await db.agencySettings.update({
        where: { id: 1 },
        data: { deliveryMode: 'TEMPORARY_PASSWORD', temporaryPasswordDays: 7 },
      });
    }
  });

  it('on Désinscrire, a mail a dispatcher holds loses its secret but keeps its status; a password-changed notice is left alone', async () => {
    const { audit, staff } = await staffAudit();
    const { tiers, account } = await createEnrolledTiers(audit);
    await executeStaffAction(generateCredentialsAction, staff, { ids: [tiers.id] }, null);
    const claimed = await db.outboxMail.findFirstOrThrow({ where: { tiersId: tiers.id } });
    await db.outboxMail.update({
      where: { id: claimed.id },
      data: { status: 'SENDING', leaseUntil: new Date(Date.now() + 60_000), leasedBy: 'worker-1' },
    });
    const notice = await db.outboxMail.create({
      data: {
        type: 'PASSWORD_CHANGED',
        status: 'SENDING',
        accountId: account.id,
        tiersId: tiers.id,
        toAddress: 'x@exemple.fr',
        subject: 's',
        html: 'h',
        text: 't',
        messageId: '<notice@test>',
      },
    });
    await executeStaffAction(unenrollAction, staff, { ids: [tiers.id] }, null);
    // Its holder may be sending it right now: the status is its send-time check's to give (tests/outbox/send-time-check).
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: claimed.id } })).toMatchObject({
      status: 'SENDING',
      secretCiphertext: null,
    });
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: notice.id } })).status).toBe('SENDING');
  });
});
