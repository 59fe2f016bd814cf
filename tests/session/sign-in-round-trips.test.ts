// The sign-in is a hot path (bench/extranet-login.ts): a successful sign-in is two statements, one that counts the
// attempt and reads the person, one that opens the session and writes its attempt and its journal event
// (docs/decisions/036 and 046). Counted on the wire: every statement pg sends, Prisma's included.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { authenticateStaff } from '@/server/staff/authenticate-staff';
import { createStaffUser } from '../factories';
import { createExtranetAccount } from '../factories/extranet';

async function statementsOf(signIn: () => Promise<{ ok: boolean }>): Promise<string[]> {
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push((typeof first === 'string' ? first : (first?.text ?? '')).replace(/\s+/g, ' ').trim().slice(0, 60));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    expect(await signIn()).toMatchObject({ ok: true });
  } finally {
    pg.Client.prototype.query = query;
  }
  return sent;
}

describe('a successful sign-in', () => {
  // Counted on PostgreSQL's wire (pg); an in-memory PGlite has none.
  it.skipIf(!process.env.DATABASE_URL)(
    'is two statements, its journal event included, for the extranet and staff',
    async () => {
      const { login, password } = await createExtranetAccount();
      const staff = await createStaffUser();
      const extranet = () => authenticateExtranet({ login, password, ip: '203.0.113.8', userAgent: 'vitest' });
      const agency = () =>
        authenticateStaff({ login: staff.email, password: staff.password, ip: null, userAgent: 'vitest' });
      await extranet(); // connections opened and statements prepared before counting
      await agency();

      for (const [signIn, table] of [
        [extranet, 'ExtranetAccount'],
        [agency, 'StaffUser'],
      ] as const) {
        const sent = await statementsOf(signIn);
        expect(sent, sent.join('\n')).toHaveLength(2);
        expect(sent[1]).toContain(`UPDATE "${table}"`);
      }
    },
  );
});
