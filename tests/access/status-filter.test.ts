// The Statut d'accès filter and its counts (issue 14, item 3): the SQL rule must give the very answers of
// accessStatus (decision 010), since the list shows one and filters by the other.
import { beforeAll, describe, expect, it } from 'vitest';
import { listAccounts, listSelectedRows, countAccountsByStatus } from '@/server/access/list-accounts';
import { ZListQuery } from '@/server/access/schemas';
import { unenrollAccounts } from '@/server/access/unenroll-accounts';
import { db } from '@/server/db';
import { ACCESS_STATUS_SLUGS, ACCESS_STATUSES, type AccessStatus } from '@/shared/access/access-status-labels';
import { createTiers } from '../factories';
import { createEnrolledTiers, staffAudit } from '../factories/access';
import { createCredentialMail } from '../factories/outbox';

const NAME = 'Statutfiltre';
const expected = new Map<string, AccessStatus>();

async function named(tiersId: string) {
  await db.tiers.update({
    where: { id: tiersId },
    data: { lastName: NAME, sortName: `${NAME.toLowerCase()} ${tiersId}` },
  });
}

beforeAll(async () => {
  const { audit } = await staffAudit();
  const day = 86_400_000;
  const notEnrolled = await createTiers({ lastName: NAME });
  expected.set(notEnrolled.id, 'NOT_ENROLLED');
  for (let i = 0; i < 2; i++) {
    const toSend = await createEnrolledTiers(audit, { lastName: NAME });
    expected.set(toSend.tiers.id, 'CREDENTIALS_TO_SEND');
  }
  const active = await createEnrolledTiers(audit, { lastName: NAME });
  await db.extranetAccount.update({ where: { id: active.account.id }, data: { lastLoginAt: new Date() } });
  expected.set(active.tiers.id, 'ACTIVE');
  const locked = await createEnrolledTiers(audit, { lastName: NAME });
  await db.extranetAccount.update({
    where: { id: locked.account.id },
    data: { lastLoginAt: new Date(), lockedUntil: new Date(Date.now() + 600_000) },
  });
  expected.set(locked.tiers.id, 'LOCKED');
  const gone = await createEnrolledTiers(audit, { lastName: NAME });
  await unenrollAccounts(audit, [gone.tiers.id]);
  expected.set(gone.tiers.id, 'UNENROLLED');

  const sent = await createCredentialMail();
  await db.outboxMail.update({ where: { id: sent.mail.id }, data: { status: 'SENT', sentAt: new Date() } });
  await named(sent.tiers.id);
  expected.set(sent.tiers.id, 'CREDENTIALS_SENT');
  // A mail sent before the current enrolment does not count; nor does a sent mail followed by a newer one.
  const old = await createCredentialMail();
  await db.outboxMail.update({
    where: { id: old.mail.id },
    data: { status: 'SENT', createdAt: new Date(Date.now() - 2 * day) },
  });
  await db.extranetAccount.update({ where: { id: old.account.id }, data: { enrolledAt: new Date(Date.now() - day) } });
  await named(old.tiers.id);
  expected.set(old.tiers.id, 'CREDENTIALS_TO_SEND');
  const replaced = await createCredentialMail();
  await db.outboxMail.update({
    where: { id: replaced.mail.id },
    data: { status: 'SENT', createdAt: new Date(Date.now() - 1000) },
  });
  await db.extranetAccount.update({
    where: { id: replaced.account.id },
    data: { enrolledAt: new Date(Date.now() - day) },
  });
  await db.outboxMail.create({
    data: {
      ...(await db.outboxMail.findUniqueOrThrow({
        where: { id: replaced.mail.id },
        omit: { id: true, messageId: true, createdAt: true, status: true, sentAt: true },
      })),
      messageId: `<retest-${replaced.mail.id}@test>`,
      status: 'PENDING_REVIEW',
    },
  } as never);
  await named(replaced.tiers.id);
  expected.set(replaced.tiers.id, 'CREDENTIALS_TO_SEND');
});

describe("the Statut d'accès filter", () => {
  it('lists, for each status, exactly the people the list shows with it', async () => {
    const all = await listAccounts(ZListQuery.parse({ q: NAME, taille: '200' }));
    expect(new Map(all.rows.map((r) => [r.tiersId, r.status]))).toEqual(expected);
    for (const status of ACCESS_STATUSES) {
      const page = await listAccounts(ZListQuery.parse({ q: NAME, statut: ACCESS_STATUS_SLUGS[status] }));
      const want = [...expected].filter(([, s]) => s === status).map(([id]) => id);
      expect(page.rows.map((r) => r.tiersId).sort(), status).toEqual(want.sort());
      expect(page.rows.every((r) => r.status === status)).toBe(true);
    }
  });

  it('counts each status over the type and the search', async () => {
    const counts = await countAccountsByStatus(ZListQuery.parse({ q: NAME }));
    for (const status of ACCESS_STATUSES)
      expect(counts[status], status).toBe([...expected.values()].filter((s) => s === status).length);
    const owners = await countAccountsByStatus(ZListQuery.parse({ q: NAME, type: 'proprietaire' }));
    expect(Object.values(owners).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('gives the toolbar the same statuses, by filter or by ids', async () => {
    const byQuery = await listSelectedRows({ query: ZListQuery.parse({ q: NAME }) });
    expect(new Map(byQuery.map((r) => [r.id, r.status]))).toEqual(expected);
    const active = await listSelectedRows({ query: ZListQuery.parse({ q: NAME, statut: 'actif' }) });
    expect(active.map((r) => r.status)).toEqual(['ACTIVE']);
    const ids = [...expected.keys()].slice(0, 3);
    const byIds = await listSelectedRows({ ids });
    expect(byIds.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(byIds.every((r) => r.name.includes(NAME) && r.hasEmail)).toBe(true);
  });

  it('takes 50, 100 or 200 per page, and anything else as 50', () => {
    expect(ZListQuery.parse({ taille: '100' }).taille).toBe(100);
    expect(ZListQuery.parse({ taille: '200' }).taille).toBe(200);
    expect(ZListQuery.parse({ taille: '1000' }).taille).toBe(50);
    expect(ZListQuery.parse({ taille: 'x' }).taille).toBe(50);
    expect(ZListQuery.parse({ statut: 'nimporte' }).statut).toBeNull();
  });
});
