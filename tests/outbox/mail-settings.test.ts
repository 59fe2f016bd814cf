import { describe, expect, it } from 'vitest';
import { executeStaffAction } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { renderMail } from '@/server/mail/render-mail';
import { createStaffUser, createTiers } from '../factories';
import { previewMailTemplateAction, saveAgencyIdentityAction, saveMailTemplateAction } from '@/server/mail/actions';
import { testMailTransportAction } from '@/server/outbox/actions';

describe('Paramètres → Mails', () => {
  it('refuses an unknown variable with a clear French message on the field, and saves nothing', async () => {
    const admin = await createStaffUser({ role: 'ADMIN' });
    const result = await executeStaffAction(
      saveMailTemplateAction,
      admin,
      { type: 'CREDENTIALS', audience: 'LOCATAIRE', subject: 'Vos accès {{motdepasse}}', intro: 'Bonjour {{prenom}}' },
      null,
    );
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.fieldErrors?.subject?.[0]).toBe(
      "La variable {{motdepasse}} n'existe pas : utilisez seulement {{prenom}}, {{nom}}, {{civilite}}, {{identifiant}}, {{agence}}, {{expiration}}, {{lien_connexion}}.",
    );
    expect(await db.mailTemplate.count()).toBe(0);
  });

  it('saves subject and intro per type and audience; the next mail uses them, with the agency identity', async () => {
    const admin = await createStaffUser({ role: 'ADMIN' });
    const identity = await executeStaffAction(
      saveAgencyIdentityAction,
      admin,
      {
        agencyName: 'Agence du Rhône',
        logoUrl: 'https://cdn.agence-rhone.fr/logo.png',
        mailSignature: 'Le service gestion',
      },
      null,
    );
    expect(identity.ok).toBe(true);
    const saved = await executeStaffAction(
      saveMailTemplateAction,
      admin,
      {
        type: 'CREDENTIALS',
        audience: 'PROPRIETAIRE',
        subject: 'Votre espace {{agence}}',
        intro: 'Cher {{civilite}} {{nom}}, voici vos accès.',
      },
      null,
    );
    expect(saved.ok).toBe(true);
    const owner = await createTiers({ kind: 'PROPRIETAIRE', lastName: 'Garnier' });
    const mail = await renderMail(db, {
      type: 'CREDENTIALS',
      tiers: owner,
      identifiant: 'garnier.k7m2',
      expiresAt: null,
    });
    expect(mail.subject).toBe('Votre espace Agence du Rhône');
    expect(mail.text).toContain('Cher Mme Garnier, voici vos accès.');
    expect(mail.text).toContain('Le service gestion');
    expect(mail.html).toContain('https://cdn.agence-rhone.fr/logo.png');
    // The other audience keeps the default.
    const tenant = await renderMail(db, {
      type: 'CREDENTIALS',
      tiers: await createTiers(),
      identifiant: 'x.k7m2',
      expiresAt: null,
    });
    expect(tenant.subject).toBe('Vos identifiants pour votre espace locataire – Agence du Rhône');
    expect(await db.auditEvent.count({ where: { type: { startsWith: 'settings.' } } })).toBe(2);
  });

  it('previews a template as typed, with the secret masked, without saving it', async () => {
    const admin = await createStaffUser({ role: 'ADMIN' });
    const result = await executeStaffAction(
      previewMailTemplateAction,
      admin,
      { type: 'CREDENTIALS', audience: 'LOCATAIRE', subject: 'Accès de {{prenom}}', intro: 'Bonjour {{prenom}}' },
      null,
    );
    expect(result).toMatchObject({ ok: true, data: { subject: 'Accès de Claire' } });
    const data = (result as { data: { html: string; text: string } }).data;
    expect(data.text).toContain('Bonjour Claire');
    expect(data.text).toContain('••••••••');
    expect(data.html).not.toContain('%%');
    expect(await db.mailTemplate.count({ where: { audience: 'LOCATAIRE' } })).toBe(0);
  });

  it('is for ADMIN only', async () => {
    for (const role of ['GESTIONNAIRE', 'SUPPORT'] as const) {
      const staff = await createStaffUser({ role });
      const result = await executeStaffAction(
        saveMailTemplateAction,
        staff,
        { type: 'CREDENTIALS', audience: 'LOCATAIRE', subject: 'x', intro: 'y' },
        null,
      );
      expect(result.ok).toBe(false);
      expect((await executeStaffAction(testMailTransportAction, staff, {}, null)).ok).toBe(false);
    }
  });

  it('"Tester la connexion" without SMTP_URL says mail stays on this machine', async () => {
    const admin = await createStaffUser({ role: 'ADMIN' });
    const result = await executeStaffAction(testMailTransportAction, admin, {}, null);
    expect(result).toMatchObject({
      ok: true,
      message: expect.stringMatching(
        /^Aucun serveur SMTP configuré : les mails sont écrits dans .+mailbox et ne quittent pas cette machine\.$/,
      ),
    });
  });
});
