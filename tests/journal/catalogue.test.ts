// Issue 16: the journal's catalogue (src/server/journal/events.ts). One spelling per target type, written by every
// path (recordEvent and the sign-in's one statement), older spellings rewritten by a migration, and the catalogue
// enforced by the type checker.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db, getEngine } from '@/server/db';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { eventLabel, EVENTS, TARGET_LABELS, TARGET_TYPES, targetTypeOf } from '@/server/journal/events';
import { listEvents, ZJournalFilter } from '@/server/journal/list-events';
import { recordEvent } from '@/server/journal/record-event';
import { authenticateStaff } from '@/server/staff/authenticate-staff';
import { createStaffUser, createTiers } from '../factories';
import { createExtranetAccount } from '../factories/extranet';

const MIGRATION = path.resolve('prisma/migrations/20261207023000_journal_target_types/migration.sql');

describe('the journal catalogue', () => {
  it('gives every event type a French label and a target type from the closed list', () => {
    for (const [type, { label, target }] of Object.entries(EVENTS)) {
      expect(label, type).toMatch(/\p{L}/u);
      expect(label, type).not.toBe(type);
      if (target !== null) expect(TARGET_TYPES, type).toContain(target);
    }
    expect(Object.keys(TARGET_LABELS).sort()).toEqual([...TARGET_TYPES].sort());
    // A type no code writes any more still reads in French; an unknown one shows as is, never hidden.
    expect(eventLabel('staff.login_failed')).toBe('Échec de connexion agence');
    expect(eventLabel('something.new')).toBe('something.new');
    // "Mail mis en envoi" had a label and no producer: the staff's "Envoyer" is mail.sent (decision 020).
    expect(Object.keys(EVENTS)).not.toContain('mail.send_requested');
  });

  it('refuses, at compile time, an event type or a target type outside the catalogue', async () => {
    const staff = await createStaffUser();
    const actor = { type: 'STAFF' as const, staffId: staff.id, ip: null };
    // @ts-expect-error an event type that is not in the catalogue (and, typed around, a programming error at run time)
    await expect(recordEvent(db, actor, { type: 'tiers.renamed' })).rejects.toThrow(/not in the catalogue/);
    // @ts-expect-error the target type comes from the catalogue, never from the call
    await recordEvent(db, actor, { type: 'tiers.created', targetType: 'tiers', targetId: 'x' });
    const written = await db.auditEvent.findMany({
      where: { actorStaffId: staff.id },
      orderBy: { id: 'asc' },
      select: { targetType: true },
    });
    expect(written).toEqual([{ targetType: 'Tiers' }]);
    await db.auditEvent.deleteMany({ where: { actorStaffId: staff.id } });
  });

  it('writes the target type of the catalogue, the sign-ins included, and the journal filters by it', async () => {
    const staff = await createStaffUser();
    const tiers = await createTiers();
    await recordEvent(
      db,
      { type: 'STAFF', staffId: staff.id, ip: null },
      { type: 'tiers.updated', tiersId: tiers.id, targetId: tiers.id },
    );
    const { account, login, password } = await createExtranetAccount();
    expect(await authenticateExtranet({ login, password, ip: '203.0.113.4', userAgent: 'vitest' })).toMatchObject({
      ok: true,
    });
    expect(
      await authenticateStaff({ login: staff.email, password: staff.password, ip: null, userAgent: 'vitest' }),
    ).toMatchObject({ ok: true });

    const rows = await db.auditEvent.findMany({
      where: { OR: [{ actorStaffId: staff.id }, { actorAccountId: account.id }] },
      select: { type: true, targetType: true, targetId: true },
    });
    expect(rows.map((r) => r.type).sort()).toEqual(['extranet.login', 'staff.login', 'tiers.updated']);
    for (const row of rows) expect(row.targetType, row.type).toBe(targetTypeOf(row.type as keyof typeof EVENTS));

    const sessions = await listEvents(ZJournalFilter.parse({ cible: 'Session' }));
    expect(sessions.rows.map((r) => r.type).sort()).toEqual(['extranet.login', 'staff.login']);
    const people = await listEvents(ZJournalFilter.parse({ cible: 'Tiers' }));
    expect(people.rows.map((r) => r.type)).toEqual(['tiers.updated']);
    expect(ZJournalFilter.safeParse({ cible: 'tiers' }).success).toBe(false);
  });

  it('rewrites the older spellings, so that the filter finds old and new events alike', async () => {
    const tiers = await createTiers();
    const old = [
      { type: 'tiers.updated', tiersId: tiers.id, targetType: 'tiers', targetId: tiers.id },
      { type: 'access.unlocked', targetType: 'account', targetId: 'a1' },
      { type: 'staff.enabled', targetType: 'staff', targetId: 's1' },
      { type: 'assistance.handled', targetType: 'message', targetId: 'm1' },
      { type: 'property.updated', targetType: 'property', targetId: 'p1' },
      { type: 'lease.updated', targetType: 'lease', targetId: 'l1' },
      { type: 'document.deleted', targetType: 'document', targetId: 'd1' },
      { type: 'extranet.login', targetType: 'ExtranetSession', targetId: 'e1' },
      { type: 'import.completed', targetType: 'import', targetId: null },
      { type: 'mail.sent', targetType: 'OutboxMail', targetId: 'o1' },
    ];
    const { _max } = await db.auditEvent.aggregate({ _max: { id: true } });
    const mine = { id: { gt: _max.id ?? 0n } };
    await db.auditEvent.createMany({ data: old.map((e) => ({ ...e, actorType: 'SYSTEM' as const })) });
    const before = await db.auditEvent.findMany({
      where: mine,
      orderBy: { id: 'asc' },
      select: { id: true, createdAt: true },
    });

    const conn = await getEngine().connect();
    try {
      await conn.exec(readFileSync(MIGRATION, 'utf8'));
    } finally {
      await conn.release();
    }

    const after = await db.auditEvent.findMany({
      where: mine,
      orderBy: { id: 'asc' },
      select: { id: true, type: true, targetType: true, targetId: true, createdAt: true },
    });
    expect(after.map(({ id, createdAt }) => ({ id, createdAt }))).toEqual(before);
    for (const row of after) expect(row.targetType, row.type).toBe(targetTypeOf(row.type as keyof typeof EVENTS));
    expect(after.map((r) => r.targetId)).toEqual(old.map((e) => e.targetId));
    const people = (await listEvents({ cible: 'Tiers', personne: tiers.id })).rows;
    expect(people.map((r) => r.target)).toEqual([`Tiers ${tiers.id}`]);
  });
});
