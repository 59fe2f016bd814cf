// The "Mot de passe oublié" worker logged `PrismaClientKnownRequestError P2028` every second while the embedded
// database was busy: at each npm start (the app's connections wait at the socket while the owner migrates and seeds)
// and during any long transaction (an import), since its interactive transaction gave up after Prisma's default 2 s
// wait for the one connection. It now waits its turn, off the request path, and the request is served.
import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { requestPasswordReset, workResetRequests } from '@/server/extranet/request-password-reset';
import { createExtranetAccount } from '../factories/extranet';

describe('the reset-request worker', () => {
  it('waits for a database held longer than 2 s by another transaction instead of failing', async () => {
    const { account, login } = await createExtranetAccount();
    await requestPasswordReset({ identifier: login }, null);
    let release = () => {};
    const holding = new Promise<void>((resolve) => (release = resolve));
    let started = () => {};
    const holderStarted = new Promise<void>((resolve) => (started = resolve));
    // Another use case's long transaction (an import on the embedded engine holds its one connection for minutes).
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        started();
        await holding;
      },
      { timeout: 20_000 },
    );
    await holderStarted;
    const worked = workResetRequests().then(
      (n) => n,
      (error: unknown) => error,
    );
    // Beyond Prisma's default wait for a transaction (2 s): the point of the test on the single-connection engine.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    release();
    await holder;
    expect(await worked).toBe(1);
    expect(await db.outboxMail.count({ where: { accountId: account.id, type: 'PASSWORD_RESET' } })).toBe(1);
  }, 30_000);
});
