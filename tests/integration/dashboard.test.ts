import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { getSummary } from '@/server/dashboard/get-summary';
import { createTiers } from '../factories';

describe('back-office home figures', () => {
  it('counts enrolled, recently active and locked people, and mails waiting or failed', async () => {
    const now = new Date('2026-11-25T10:00:00Z');
    const people = await Promise.all([
      createTiers(),
      createTiers(),
      createTiers(),
      createTiers({ kind: 'PROPRIETAIRE' }),
    ]);
    const account = (i: number, data: object) =>
      db.extranetAccount.create({ data: { tiersId: people[i].id, login: `p${i}.abcd`, ...data } });
    await account(0, { lastLoginAt: new Date('2026-11-20T10:00:00Z') });
    await account(1, { lastLoginAt: new Date('2026-09-01T10:00:00Z'), lockedUntil: new Date('2026-11-25T10:15:00Z') });
    await account(2, { status: 'UNENROLLED', lastLoginAt: new Date('2026-11-24T10:00:00Z') });
    const mail = (status: 'PENDING_REVIEW' | 'FAILED' | 'SENT', n: number) =>
      db.outboxMail.create({
        data: {
          type: 'CREDENTIALS',
          status,
          toAddress: 'x@y.fr',
          subject: 's',
          html: 'h',
          text: 't',
          messageId: `<${status}${n}@t>`,
        },
      });
    await Promise.all([mail('PENDING_REVIEW', 1), mail('PENDING_REVIEW', 2), mail('FAILED', 1), mail('SENT', 1)]);
    expect(await getSummary(now)).toEqual({
      locataires: 3,
      proprietaires: 1,
      enrolled: 2,
      active: 1,
      locked: 1,
      toReview: 2,
      failed: 1,
    });
  });
});
