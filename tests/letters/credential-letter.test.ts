// Issue 15, item 3: "La lettre d'identifiants" (docs/decisions/025). The PDF is read back with poppler's pdftotext,
// and what it says must sign in.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { enrollAction, generateLettersAction, unenrollAction } from '@/server/access/actions';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { UserError } from '@/server/errors';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { printLetters } from '@/server/letters/print-letters';
import { previewMail } from '@/server/outbox/preview-mail';
import { createPropertyWithLease, createStaffUser, createTiers } from '../factories';
import { updateCredentialSettingsAction } from '@/server/settings/actions';

const ip = '203.0.113.15';

function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lettre-'));
  try {
    const file = path.join(dir, 'lettre.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function setup(options: { email?: string | null; count?: number } = {}) {
  const staff = await createStaffUser({ role: 'GESTIONNAIRE' });
  const audit = { type: 'STAFF' as const, staffId: staff.id, ip };
  const people = [];
  for (let i = 0; i < (options.count ?? 1); i++) people.push(await createTiers({ email: options.email ?? null }));
  const ids = people.map((p) => p.id);
  const run = async (definition: Parameters<typeof executeStaffAction>[0], input: unknown) =>
    executeStaffAction(definition, staff, input, ip);
  expect(await run(enrollAction, { ids })).toMatchObject({ ok: true });
  return { staff, audit, people, ids, run };
}

const letterOf = (tiersId: string) =>
  db.outboxMail.findFirstOrThrow({ where: { tiersId, channel: 'LETTER' }, orderBy: { createdAt: 'desc' } });

describe('la lettre d’identifiants', () => {
  it('is printed once: the PDF holds the identifiant and a password that signs in; the secret is wiped', async () => {
    const { audit, people, ids, run, staff } = await setup();
    const generated = await run(generateLettersAction, { ids });
    expect(generated).toMatchObject({ ok: true, message: expect.stringContaining('« À imprimer »') });
    const letter = await letterOf(people[0].id);
    expect(letter).toMatchObject({ status: 'TO_PRINT', channel: 'LETTER', toAddress: '3 rue Pasteur, 69003 LYON' });
    expect(letter.secretCiphertext).not.toBeNull();

    // The loupe shows the letter with the secret masked.
    const preview = await previewMail(audit, letter.id);
    expect(preview.text).toContain('Mot de passe provisoire : ••••••••');
    expect(preview.text).toContain('3 rue Pasteur');

    const printed = await printLetters(audit, [letter.id]);
    const text = pdfText(printed.pdf);
    const account = await db.extranetAccount.findUniqueOrThrow({ where: { tiersId: people[0].id } });
    expect(text).toContain(account.login);
    expect(text).toContain('69003 LYON');
    const password = /Mot de passe provisoire\s+(\S+)/.exec(text)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    const signIn = await authenticateExtranet({ login: account.login, password: password!, ip, userAgent: 'test' });
    expect(signIn.ok).toBe(true);

    const after = await db.outboxMail.findUniqueOrThrow({ where: { id: letter.id } });
    expect(after).toMatchObject({ status: 'PRINTED', secretCiphertext: null, sentById: staff.id });
    expect(
      await db.auditEvent.count({ where: { type: 'letter.printed', targetId: letter.id, actorStaffId: staff.id } }),
    ).toBe(1);

    // A second download is refused and offers new credentials.
    const again = printLetters(audit, [letter.id]);
    await expect(again).rejects.toThrow(UserError);
    await expect(again).rejects.toThrow(/déjà été imprimée.*générez de nouveaux identifiants/);
  });

  it('names the file after Paris’ day: at 23:30 UTC it is already tomorrow in Paris', async () => {
    const { audit, people, ids, run } = await setup();
    await run(generateLettersAction, { ids });
    const letter = await letterOf(people[0].id);
    const lateEvening = new Date();
    lateEvening.setUTCHours(23, 30, 0, 0);
    const parisDay = new Date(lateEvening.getTime() + 86_400_000).toISOString().slice(0, 10);
    vi.useFakeTimers({ toFake: ['Date'], now: lateEvening });
    try {
      const printed = await printLetters(audit, [letter.id]);
      expect(printed.fileName).toBe(`lettre-identifiants-${parisDay}.pdf`);
    } finally {
      vi.useRealTimers();
    }
  });

  it('places the address in the window of a DL/C5 window envelope: 100 mm from the left, 45-50 mm from the top', async () => {
    const { audit, people, ids, run } = await setup();
    await run(generateLettersAction, { ids });
    const { pdf } = await printLetters(audit, [(await letterOf(people[0].id)).id]);
    const dir = mkdtempSync(path.join(tmpdir(), 'lettre-'));
    try {
      writeFileSync(path.join(dir, 'l.pdf'), pdf);
      const html = execFileSync('pdftotext', ['-bbox', path.join(dir, 'l.pdf'), '-'], { encoding: 'utf8' });
      const words = [
        ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map((m) => ({ x: Number(m[1]), top: Number(m[2]), bottom: Number(m[3]), text: m[4] }));
      const mm = (pt: number) => (pt * 25.4) / 72;
      const block = words.filter((w) => ['Mme', 'Pasteur', '69003', 'LYON'].includes(w.text) && mm(w.top) < 100);
      expect(block.map((w) => w.text)).toEqual(['Mme', 'Pasteur', '69003', 'LYON']);
      const left = Math.min(...block.map((w) => mm(w.x)));
      const top = Math.min(...block.map((w) => mm(w.top)));
      const bottom = Math.max(...block.map((w) => mm(w.bottom)));
      expect(left).toBeGreaterThanOrEqual(99.5);
      expect(left).toBeLessThan(102);
      expect(top).toBeGreaterThanOrEqual(45);
      expect(top).toBeLessThanOrEqual(50);
      // A window is about 45 mm high: the block ends well inside it.
      expect(bottom).toBeLessThan(85);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints many letters as one PDF, one per page, all or nothing', async () => {
    const { audit, people, ids, run } = await setup({ count: 3 });
    await run(generateLettersAction, { ids });
    const letters = await Promise.all(people.map((p) => letterOf(p.id)));
    // One already printed: nothing is printed, and the other two keep their secrets.
    await printLetters(audit, [letters[0].id]);
    await expect(
      printLetters(
        audit,
        letters.map((l) => l.id),
      ),
    ).rejects.toThrow(/Rien n’a été imprimé/);
    const kept = await db.outboxMail.findMany({ where: { id: { in: [letters[1].id, letters[2].id] } } });
    expect(kept.every((l) => l.status === 'TO_PRINT' && l.secretCiphertext)).toBe(true);

    const both = await printLetters(audit, [letters[1].id, letters[2].id]);
    const pages = pdfText(both.pdf)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    const logins = await db.extranetAccount.findMany({ where: { tiersId: { in: [people[1].id, people[2].id] } } });
    for (const account of logins) expect(pages.filter((p) => p.includes(account.login))).toHaveLength(1);
  });

  it('follows the credential rules: Désinscrire and a new letter wipe it; a stale letter cannot be printed', async () => {
    const { audit, people, ids, run } = await setup();
    await run(generateLettersAction, { ids });
    const first = await letterOf(people[0].id);
    await run(generateLettersAction, { ids });
    const second = await letterOf(people[0].id);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: 'REPLACED',
      secretCiphertext: null,
    });
    await expect(printLetters(audit, [first.id])).rejects.toThrow(/annulée ou remplacée/);

    await run(unenrollAction, { ids });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: 'CANCELLED',
      secretCiphertext: null,
    });
    await expect(printLetters(audit, [second.id])).rejects.toThrow(UserError);
  });

  it('a letter whose credentials changed behind its back is withdrawn, not printed', async () => {
    const { audit, people, ids, run } = await setup();
    await run(generateLettersAction, { ids });
    const letter = await letterOf(people[0].id);
    await db.extranetAccount.update({
      where: { tiersId: people[0].id },
      data: { credentialVersion: { increment: 1 } },
    });
    await expect(printLetters(audit, [letter.id])).rejects.toThrow(/ne sont plus valables/);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({
      status: 'REPLACED',
      secretCiphertext: null,
    });
  });

  it('uses the home of a tenant without an address, and refuses someone with neither, naming the fix', async () => {
    const { people, run } = await setup({ count: 2 });
    await db.tiers.updateMany({
      where: { id: { in: people.map((p) => p.id) } },
      data: { addressLine: null, postalCode: null, city: null },
    });
    await createPropertyWithLease({ tenantIds: [people[0].id] });
    const refused = await run(generateLettersAction, { ids: people.map((p) => p.id) });
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining("n'a pas d'adresse postale complète") });
    expect(await db.outboxMail.count({ where: { tiersId: { in: people.map((p) => p.id) } } })).toBe(0);
    expect(await run(generateLettersAction, { ids: [people[0].id] })).toMatchObject({ ok: true });
    expect((await letterOf(people[0].id)).toAddress).toBe('Lot 4, 10 rue Victor Hugo, 69002 LYON');
  });

  it('in activation-link mode, prints the link as text (and a QR code) that opens the password page', async () => {
    const admin = await createStaffUser({ role: 'ADMIN' });
    expect(
      await executeStaffAction(
        updateCredentialSettingsAction,
        admin,
        { deliveryMode: 'ACTIVATION_LINK', temporaryPasswordDays: 7 },
        ip,
      ),
    ).toMatchObject({ ok: true });
    const { audit, people, ids, run } = await setup();
    await run(generateLettersAction, { ids });
    const letter = await letterOf(people[0].id);
    expect(letter.type).toBe('ACTIVATION_LINK');
    const text = pdfText((await printLetters(audit, [letter.id])).pdf).replace(/\s+/g, ' ');
    expect(text).toMatch(/Lien d’activation/);
    expect(text.replace(/ /g, '')).toMatch(/\/extranet\/nouveau-mot-de-passe\?jeton=[A-Za-z0-9_-]{43}/);
  });
});
