import { describe, expect, it } from 'vitest';
import type { StaffRole } from '@/generated/prisma/enums';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { decodeHeaders } from '@/server/outbox/decode-headers';
import type { MailPreview } from '@/shared/outbox/mail-preview';
import { createStaffUser } from '../factories';
import { createCredentialMail } from '../factories/outbox';
import { previewMailAction } from '@/server/outbox/actions';

describe('the loupe (preview)', () => {
  it.each<StaffRole>(['ADMIN', 'GESTIONNAIRE', 'SUPPORT'])(
    'shows %s the identifiant and a masked secret, never the secret, and records the preview',
    async (role) => {
      const staff = await createStaffUser({ role });
      const { mail, password, account, tiers } = await createCredentialMail();
      const result = await executeStaffAction(previewMailAction, staff, { id: mail.id }, '198.51.100.7');
      expect(result.ok).toBe(true);
      const preview = (result as { data: MailPreview }).data;

      expect(preview.to).toBe(`${tiers.firstName} ${tiers.lastName} <${tiers.email}>`);
      expect(preview.subject).toBe('Vos identifiants pour votre espace locataire – Agence Trousseau');
      expect(preview.from).toMatch(/Trousseau/);
      expect(preview.date).toMatch(/\d{4} à \d{2}:\d{2}/);
      for (const part of [preview.html, preview.text, preview.headers]) expect(part).not.toContain(password);
      expect(JSON.stringify(preview)).not.toContain(password);
      expect(preview.text).toContain(account.login);
      expect(preview.text).toMatch(/•••••••• – généré le .+, expire le .+/);
      expect(preview.html).toContain('•••••••• – généré le');
      expect(preview.html).not.toMatch(/<script/i);
      const { messageId } = await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
      expect(preview.headers).toContain(`Message-ID: ${messageId}`);
      expect(preview.headers).toMatch(/^Subject: /m);
      // Decoded and unfolded for reading: the subject as written, no encoded word left.
      const fields = new Map(preview.headerFields);
      expect(fields.get('Subject')).toBe(preview.subject);
      expect(fields.get('Message-ID')).toBe(messageId);
      expect(preview.headerFields.some(([, value]) => /=\?[^?]+\?[BQ]\?/i.test(value))).toBe(false);

      const events = await db.auditEvent.findMany({
        where: { type: 'mail.previewed', targetId: mail.id },
        select: { actorStaffId: true, ip: true, tiersId: true },
      });
      expect(events).toEqual([{ actorStaffId: staff.id, ip: '198.51.100.7', tiersId: tiers.id }]);
    },
  );

  it('answers "introuvable" for an unknown mail and records nothing', async () => {
    const staff = await createStaffUser({ role: 'SUPPORT' });
    const result = await executeStaffAction(previewMailAction, staff, { id: 'nope' }, null);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('introuvable') });
    expect(await db.auditEvent.count({ where: { type: 'mail.previewed', targetId: 'nope' } })).toBe(0);
  });
});

describe('headers as the loupe shows them', () => {
  it('unfolds continued lines and decodes B and Q encoded words, whatever the charset', () => {
    expect(
      decodeHeaders(
        'Subject: =?UTF-8?B?Vm9zIGlkZW50aWZpYW50cyDigJMgQWdlbmNl?=\r\n =?UTF-8?Q?_R=C3=A9publique?=\r\nFrom: =?ISO-8859-1?Q?Agence_=E9t=E9?= <a@b.fr>\r\nX-Plain: un\r\n\tdeux',
      ),
    ).toEqual([
      ['Subject', 'Vos identifiants – Agence République'],
      ['From', 'Agence été <a@b.fr>'],
      ['X-Plain', 'un deux'],
    ]);
  });
});
