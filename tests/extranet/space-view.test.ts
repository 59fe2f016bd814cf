// Issue 15, item 5: "Voir son espace" (docs/decisions/026). Staff see a person's extranet read-only for 15 minutes,
// journaled; it is never the person's session, and every extranet action refuses a staff member's request.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openSpaceViewAction } from '@/server/extranet/actions';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { listMyDocuments } from '@/server/extranet/my-documents';
import { getSpaceView, openSpaceView, SPACE_VIEW_ENDED } from '@/server/extranet/space-view';
import { findSession, openSession } from '@/server/session/sessions';
import { createPropertyWithLease, createStaffUser, createTiers } from '../factories';
import { createEnrolledTiers, createExtranetSession, staffAudit } from '../factories/access';
import { createDocument } from '../factories/extranet';

// The request the extranet's server actions see: the staff member's own session cookie, nothing else. The cookie
// store is Next's, not ours; the actions and everything they call are the real ones.
const request = vi.hoisted(() => ({ token: '' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (name.endsWith('trousseau.session') && request.token ? { value: request.token } : undefined),
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers({ 'user-agent': 'test' }),
}));

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

async function staffSession(role: 'ADMIN' | 'GESTIONNAIRE' | 'SUPPORT') {
  const staff = await createStaffUser({ role });
  const session = await openSession(db, { staffId: staff.id, credentialVersion: 0, ip: null, userAgent: 'test' });
  return { staff, token: session.token };
}

/** Everything a person's extranet actions could change. */
async function personState(tiersId: string) {
  const account = await db.extranetAccount.findUnique({ where: { tiersId }, include: { password: true } });
  return {
    tiers: await db.tiers.findUniqueOrThrow({ where: { id: tiersId }, select: { email: true, phone: true } }),
    account,
    sessions: await db.session.findMany({ where: { accountId: account?.id ?? '-' }, orderBy: { id: 'asc' } }),
    verifications: await db.verification.count({ where: { accountId: account?.id ?? '-' } }),
    messages: await db.contactMessage.count({ where: { tiersId } }),
    mails: await db.outboxMail.count({ where: { tiersId } }),
  };
}

beforeEach(() => {
  request.token = '';
});

describe('voir son espace', () => {
  it('opens for every staff role, for 15 minutes, journaled (who, whom, when); never a session of the person', async () => {
    const { audit } = await staffAudit();
    const { tiers, account } = await createEnrolledTiers(audit);
    await createExtranetSession(account.id);
    const before = await personState(tiers.id);
    for (const role of ['ADMIN', 'GESTIONNAIRE', 'SUPPORT'] as const) {
      const staff = await createStaffUser({ role });
      const result = await executeStaffAction(openSpaceViewAction, staff, { tiersId: tiers.id }, '203.0.113.9');
      expect(result).toMatchObject({ ok: true, data: { grantId: expect.any(String) } });
      const grantId = result.ok ? result.data!.grantId : '';
      const event = await db.auditEvent.findFirstOrThrow({
        where: { type: 'extranet.space_viewed', targetId: grantId },
      });
      expect(event).toMatchObject({ actorStaffId: staff.id, tiersId: tiers.id, ip: '203.0.113.9' });
      const view = await getSpaceView(staff.id, grantId);
      expect(Object.keys(view).filter((k) => /password|hash|token|session/i.test(k))).toEqual([]);
      expect(view).toMatchObject({ tiersId: tiers.id, login: account.login, kind: 'LOCATAIRE' });
      expect(view.expiresAt.getTime() - event.createdAt.getTime()).toBeCloseTo(15 * 60_000, -3);
    }
    // No session, password, link or mail of the person was created, read into the view, or changed.
    expect(await personState(tiers.id)).toEqual(before);
  });

  it('belongs to the staff member who opened it, and ends after 15 minutes', async () => {
    const { audit, staff } = await staffAudit('SUPPORT');
    const tiers = await createTiers();
    const opened = new Date();
    const { grantId } = await openSpaceView(audit, tiers.id, opened);
    const other = await createStaffUser({ role: 'ADMIN' });
    await expect(getSpaceView(other.id, grantId)).rejects.toThrow(NotFoundError);
    await expect(getSpaceView(staff.id, 'unknown-grant')).rejects.toThrow(NotFoundError);
    await expect(getSpaceView(staff.id, grantId, new Date(opened.getTime() + 14 * 60_000))).resolves.toBeTruthy();
    const late = getSpaceView(staff.id, grantId, new Date(opened.getTime() + 15 * 60_000 + 1));
    await expect(late).rejects.toThrow(UserError);
    await expect(late).rejects.toThrow(SPACE_VIEW_ENDED);
    await expect(openSpaceView(audit, 'no-such-tiers')).rejects.toThrow(NotFoundError);
  });

  it('shows the documents the person sees, through the same data functions', async () => {
    const { audit, staff } = await staffAudit('SUPPORT');
    const tenant = await createTiers();
    const home = await createPropertyWithLease({ tenantIds: [tenant.id] });
    const visible = await createDocument({ leaseId: home.lease.id, title: 'Bail signé' });
    await createDocument({ tiersId: tenant.id, visible: false, title: 'Brouillon' });
    const { grantId } = await openSpaceView(audit, tenant.id);
    const view = await getSpaceView(staff.id, grantId);
    expect((await listMyDocuments(view)).map((d) => d.id)).toEqual([visible.id]);
  });

  it("refuses every mutating extranet action made with a staff member's session, and changes nothing", async () => {
    const { audit } = await staffAudit();
    const { tiers, account } = await createEnrolledTiers(audit);
    const person = await createExtranetSession(account.id);
    const { token } = await staffSession('SUPPORT');
    await openSpaceView({ type: 'STAFF', staffId: (await findSession(token, 'STAFF'))!.staff!.id, ip: null }, tiers.id);
    // The staff cookie is no extranet session, whatever grant its owner holds.
    expect(await findSession(token, 'EXTRANET')).toBeNull();
    request.token = token;
    const before = await personState(tiers.id);

    const espace = await import('@/app/extranet/(espace)/actions');
    const firstPassword = await import('@/app/extranet/nouveau-mot-de-passe/actions');
    const signedOut = { ok: false, error: 'Votre session a pris fin. Reconnectez-vous pour continuer.' };
    const password = 'Hirondelle-Verger-Tambour-84';
    expect(
      await espace.saveContactDetails(
        { ok: true },
        form({ email: 'autre@exemple.fr', phone: '0700000000', current: 'x' }),
      ),
    ).toEqual(signedOut);
    expect(await espace.sendMessageToAgency({ ok: true }, form({ subject: 'Objet', body: 'Message' }))).toEqual(
      signedOut,
    );
    expect(await espace.changePassword({ ok: true }, form({ current: 'x', password, confirm: password }))).toEqual(
      signedOut,
    );
    // The sign-out actions and the first-password page send a signed-out request to the sign-in page.
    for (const run of [
      () => espace.signOutEverywhere(),
      () => espace.signOutExtranet(),
      () => firstPassword.setFirstPassword({ ok: true }, form({ current: 'x', password, confirm: password })),
    ])
      await expect(run()).rejects.toMatchObject({ digest: expect.stringContaining('/extranet/connexion') });

    expect(await personState(tiers.id)).toEqual(before);
    expect(await findSession(person.token, 'EXTRANET')).not.toBeNull();
  });
});
