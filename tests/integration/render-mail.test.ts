import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { renderMail } from '@/server/mail/render-mail';
import { SECRET_PLACEHOLDER, unknownVariables } from '@/server/mail/templates';
import { decryptSecret, encryptSecret } from '@/server/crypto/secret-box';

const tiers = {
  kind: 'LOCATAIRE' as const,
  civility: 'Mme',
  firstName: 'Élise',
  lastName: 'Fournier',
  companyName: null,
};

describe('mail rendering', () => {
  it('renders HTML with inlined styles and plain text, with a placeholder where the secret goes', async () => {
    const mail = await renderMail(db, {
      type: 'CREDENTIALS',
      tiers,
      identifiant: 'fournier.k7m2',
      expiresAt: new Date('2026-12-02T09:30:00Z'),
    });
    expect(mail.subject).toBe('Vos identifiants pour votre espace locataire – Agence Trousseau');
    expect(mail.html).toContain('style="');
    expect(mail.html).toContain('fournier.k7m2');
    expect(mail.html).toContain(SECRET_PLACEHOLDER);
    expect(mail.text).toContain('Bonjour Mme Fournier');
    expect(mail.text).toContain(SECRET_PLACEHOLDER);
    expect(mail.text).toContain('2 décembre 2026 à 10:30');
    expect(mail.html).not.toMatch(/undefined|null/);
  });

  it('uses the agency template for the audience when there is one', async () => {
    await db.mailTemplate.create({
      data: {
        type: 'ACTIVATION_LINK',
        audience: 'PROPRIETAIRE',
        subject: 'Bienvenue {{prenom}}',
        intro: 'Cher {{nom}}',
      },
    });
    const mail = await renderMail(db, {
      type: 'ACTIVATION_LINK',
      tiers: { ...tiers, kind: 'PROPRIETAIRE' },
      identifiant: 'x',
      expiresAt: null,
    });
    expect(mail.subject).toBe('Bienvenue Élise');
    expect(mail.text).toContain('Cher Fournier');
  });

  it('lists unknown variables', () => {
    expect(unknownVariables('Bonjour {{prenom}} {{motdepasse}} {{ nom }}')).toEqual(['motdepasse']);
  });

  it('encrypts secrets with AES-256-GCM and detects tampering', () => {
    const key = Buffer.alloc(32, 7);
    const box = encryptSecret('Kx7-mP2q-Rt9w', key);
    expect(box.toString('utf8')).not.toContain('Kx7');
    expect(decryptSecret(box, key)).toBe('Kx7-mP2q-Rt9w');
    box[box.length - 1] ^= 1;
    expect(() => decryptSecret(box, key)).toThrow();
  });
});

describe('envelope renderer', () => {
  it('gives the same subject, HTML and text as a full render, for a person, an unusual name and a company', async () => {
    const { mailRenderer, loadAgency } = await import('@/server/mail/render-mail');
    const agency = await loadAgency(db);
    const expiresAt = new Date('2026-12-02T09:30:00Z');
    const render = mailRenderer(db, { type: 'CREDENTIALS', expiresAt, agency });
    const people = [
      tiers,
      { ...tiers, civility: null, firstName: 'Zoé', lastName: "O'Brien <&> Fils" },
      {
        kind: 'PROPRIETAIRE' as const,
        civility: null,
        firstName: null,
        lastName: 'SCI',
        companyName: 'SCI Les Tilleuls & Cie',
      },
    ];
    for (const person of people) {
      const fast = await render(person, 'obrien.k7m2');
      const full = await renderMail(db, {
        type: 'CREDENTIALS',
        tiers: person,
        identifiant: 'obrien.k7m2',
        expiresAt,
        agency,
      });
      expect(fast.subject).toBe(full.subject);
      expect(fast.html).toBe(full.html);
      expect(fast.text.replace(/\s+/g, ' ')).toBe(full.text.replace(/\s+/g, ' '));
    }
  });
});
