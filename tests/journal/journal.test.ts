import { describe, expect, it } from 'vitest';
import { recordEvent } from '@/server/journal/record-event';
import { executeStaffAction, MESSAGES } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import type { EventType } from '@/server/journal/events';
import { iterateEvents, listEvents } from '@/server/journal/list-events';
import { CSV_HEADER, journalRowToCsv } from '@/server/journal/to-csv';
import { csvLine } from '@/shared/csv';
import { createStaffUser, createTiers } from '../factories';
import { assignMessageAction, markMessageHandledAction } from '@/server/assistance/actions';
import { listContactMessages } from '@/server/assistance/list-contact-messages';

async function event(type: EventType, at: string, staffId: string, tiersId: string | null = null) {
  await recordEvent(db, { type: 'STAFF', staffId, ip: '198.51.100.7' }, { type, tiersId, details: { note: 'ok' } });
  await db.auditEvent.updateMany({
    where: { type, createdAt: { gte: new Date(Date.now() - 60_000) } },
    data: { createdAt: new Date(at) },
  });
}

describe('journal', () => {
  it('filters by Paris day, type, actor and person, newest first, with keyset pages', async () => {
    const alice = await createStaffUser();
    const bob = await createStaffUser();
    const tiers = await createTiers({ lastName: 'Dupré', firstName: 'Éloïse' });
    await event('access.enrolled', '2026-03-09T23:30:00Z', alice.id, tiers.id); // 10 March 00:30 in Paris
    await event('access.unenrolled', '2026-03-10T12:00:00Z', bob.id, tiers.id);
    await event('mail.sent', '2026-03-11T08:00:00Z', alice.id);

    const day = await listEvents({ du: '2026-03-10', au: '2026-03-10' });
    expect(day.rows.map((r) => r.type)).toEqual(['access.unenrolled', 'access.enrolled']);
    expect((await listEvents({ acteur: alice.id })).rows.map((r) => r.type)).toEqual(['mail.sent', 'access.enrolled']);
    expect((await listEvents({ personne: tiers.id, type: 'access.enrolled' })).rows).toHaveLength(1);
    expect(day.rows[0]).toMatchObject({
      actor: bob.name,
      person: { id: tiers.id, name: 'Mme Éloïse Dupré' },
      ip: '198.51.100.7',
    });

    const first = await listEvents({}, 2);
    expect(first.rows).toHaveLength(2);
    const second = await listEvents({ avant: first.nextCursor! }, 2);
    expect(second.rows.map((r) => r.type)).toEqual(['access.enrolled']);
    expect(second.nextCursor).toBeNull();
  });

  it('exports CSV for Excel: French columns, accents, separators quoted, no formula injection', async () => {
    const staff = await createStaffUser();
    const tiers = await createTiers({ lastName: 'Lefèvre; "Le Grand"', firstName: 'Anaïs' });
    await recordEvent(
      db,
      { type: 'STAFF', staffId: staff.id, ip: null },
      { type: 'tiers.email_changed', tiersId: tiers.id, details: { to: '=HYPERLINK("x")' } },
    );
    const lines = [csvLine(CSV_HEADER)];
    for await (const row of iterateEvents({})) lines.push(journalRowToCsv(row));
    expect(lines[0]).toBe('Date;Événement;Acteur;Personne;Cible;Adresse IP;Détails\r\n');
    const line = lines.find((l) => l.includes(';E-mail modifié;'));
    expect(line).toContain('"Mme Anaïs Lefèvre; ""Le Grand"""');
    expect(line).toContain('"{""to"":""=HYPERLINK');
    expect(lines.every((l) => !/(^|;)[=+\-@]/.test(l))).toBe(true);
  });
});

describe('assistance messages', () => {
  it('assigns and closes a message, with journal events; SUPPORT is refused and nothing changes', async () => {
    const gestionnaire = await createStaffUser({ role: 'GESTIONNAIRE' });
    const support = await createStaffUser({ role: 'SUPPORT' });
    const tiers = await createTiers();
    const message = await db.contactMessage.create({
      data: { tiersId: tiers.id, subject: 'Fuite', body: "L'évier fuit." },
    });

    expect(
      await executeStaffAction(assignMessageAction, support, { messageId: message.id, staffId: support.id }, null),
    ).toEqual({ ok: false, error: MESSAGES.forbidden });
    expect(await executeStaffAction(markMessageHandledAction, support, { messageId: message.id }, null)).toEqual({
      ok: false,
      error: MESSAGES.forbidden,
    });
    expect((await listContactMessages('NEW')).map((m) => m.id)).toEqual([message.id]);

    expect(
      await executeStaffAction(
        assignMessageAction,
        gestionnaire,
        { messageId: message.id, staffId: gestionnaire.id },
        '192.0.2.1',
      ),
    ).toMatchObject({ ok: true });
    expect(await executeStaffAction(markMessageHandledAction, gestionnaire, { messageId: 'forged' }, null)).toEqual({
      ok: false,
      error: MESSAGES.notFound,
    });
    expect(await executeStaffAction(markMessageHandledAction, gestionnaire, { messageId: message.id }, null)).toEqual({
      ok: true,
      message: 'Message marqué comme traité.',
    });

    const [handled] = await listContactMessages('HANDLED');
    expect(handled).toMatchObject({ id: message.id, assignedTo: { id: gestionnaire.id } });
    const events = await db.auditEvent.findMany({
      where: { tiersId: tiers.id },
      orderBy: { id: 'asc' },
      select: { type: true, actorStaffId: true },
    });
    expect(events).toEqual([
      { type: 'assistance.assigned', actorStaffId: gestionnaire.id },
      { type: 'assistance.handled', actorStaffId: gestionnaire.id },
    ]);
  });
});

describe('csv fields', () => {
  it('neutralises formulas and quotes separators', async () => {
    const { csvField } = await import('@/shared/csv');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField(null)).toBe('');
  });
});
