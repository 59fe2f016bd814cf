import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseEurosToCents, parseFrenchDate } from '@/server/leases/french-formats';
import { leaseStatus } from '@/server/leases/lease-status';
import { ZLeaseForm } from '@/server/leases/schemas';
import { ZPropertyForm } from '@/server/properties/schemas';
import { ZTiersForm } from '@/server/tiers/schemas';

/** The first message per field, as the form shows it. */
function errorsOf(schema: z.ZodType, input: Record<string, unknown>): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[String(issue.path[0] ?? 'form')] ??= issue.message;
  return out;
}

const tiers = {
  kind: 'LOCATAIRE',
  civility: 'Mme',
  lastName: 'Martin',
  firstName: 'Claire',
  email: 'claire@exemple.fr',
  phone: '0612345678',
  addressLine: '3 rue Pasteur',
  postalCode: '69003',
  city: 'Lyon',
  externalRef: 'LOC-1',
};

describe('tiers fields', () => {
  it('accepts a complete person and normalizes e-mail, phone and civility', () => {
    const parsed = ZTiersForm.parse({
      ...tiers,
      email: ' Claire.Martin@Exemple.FR ',
      phone: '06.12.34.56.78',
      civility: 'Madame',
    });
    expect(parsed).toMatchObject({
      email: 'claire.martin@exemple.fr',
      phone: '06 12 34 56 78',
      civility: 'Mme',
      confirmDuplicates: false,
    });
  });

  it('accepts French numbers in every usual shape, and international numbers', () => {
    const phone = (p: string) => ZTiersForm.parse({ ...tiers, phone: p }).phone;
    expect(phone('06 12 34 56 78')).toBe('06 12 34 56 78');
    expect(phone('+33 6 12 34 56 78')).toBe('+33 6 12 34 56 78');
    expect(phone('+33 (0)6 12 34 56 78')).toBe('+33 6 12 34 56 78');
    expect(phone('0033612345678')).toBe('+33 6 12 34 56 78');
    expect(phone('04-78-00-00-00')).toBe('04 78 00 00 00');
    expect(phone('+44 20 7946 0958')).toBe('+442079460958');
    expect(phone('+1 (415) 555-2671')).toBe('+14155552671');
    expect(phone('')).toBeNull();
  });

  it('refuses every invalid field with a French sentence saying what to type', () => {
    const phoneMessage =
      'Numéro de téléphone invalide : saisissez 10 chiffres (06 12 34 56 78) ou un numéro international (+33 6 12 34 56 78).';
    expect(errorsOf(ZTiersForm, { ...tiers, email: 'claire@' })).toEqual({
      email: 'Adresse e-mail invalide : vérifiez la saisie (exemple : prenom.nom@exemple.fr).',
    });
    for (const bad of ['06 12 34 56', '6 12 34 56 78 9', '+33 6 12 34 56', 'zéro six', '+0 123456789']) {
      expect(errorsOf(ZTiersForm, { ...tiers, phone: bad }), bad).toEqual({ phone: phoneMessage });
    }
    expect(errorsOf(ZTiersForm, { ...tiers, postalCode: '6900' })).toEqual({
      postalCode: 'Code postal invalide : saisissez 5 chiffres (exemple : 69003).',
    });
    expect(errorsOf(ZTiersForm, { ...tiers, postalCode: '69OO3' })).toEqual({
      postalCode: 'Code postal invalide : saisissez 5 chiffres (exemple : 69003).',
    });
    expect(errorsOf(ZTiersForm, { ...tiers, civility: 'Dr' })).toEqual({
      civility: 'Civilité inconnue : choisissez M., Mme ou M. et Mme, ou laissez vide.',
    });
    expect(errorsOf(ZTiersForm, { ...tiers, kind: 'GARANT' })).toEqual({
      kind: 'Type inconnu : choisissez Locataire ou Propriétaire.',
    });
    expect(errorsOf(ZTiersForm, { ...tiers, externalRef: 'LOC;1' })).toEqual({
      externalRef: 'Référence externe invalide : lettres, chiffres, espaces et - _ . / uniquement.',
    });
    expect(errorsOf(ZTiersForm, { ...tiers, firstName: 'x'.repeat(101) })).toEqual({
      firstName: 'Prénom : 100 caractères au maximum.',
    });
    expect(errorsOf(ZTiersForm, { ...tiers, city: 'x'.repeat(101) })).toEqual({
      city: 'Ville : 100 caractères au maximum.',
    });
    expect(errorsOf(ZTiersForm, { ...tiers, addressLine: 'x'.repeat(201) })).toEqual({
      addressLine: 'Adresse : 200 caractères au maximum.',
    });
  });

  it('needs a name or a company name; a company keeps its name as the sort name', () => {
    expect(errorsOf(ZTiersForm, { ...tiers, lastName: '  ', companyName: '' })).toEqual({
      lastName: 'Saisissez le nom de la personne ou la raison sociale de la société.',
    });
    const company = ZTiersForm.parse({
      ...tiers,
      kind: 'PROPRIETAIRE',
      civility: '',
      lastName: '',
      firstName: '',
      companyName: 'SCI Les Tilleuls',
    });
    expect(company).toMatchObject({ lastName: 'SCI Les Tilleuls', civility: null, firstName: null });
  });

  it('turns empty optional fields into null', () => {
    expect(ZTiersForm.parse({ kind: 'LOCATAIRE', lastName: 'Roux' })).toMatchObject({
      email: null,
      phone: null,
      postalCode: null,
      externalRef: null,
      civility: null,
    });
  });
});

describe('bien and bail fields', () => {
  const property = {
    kind: 'Appartement',
    addressLine: '10 rue Victor Hugo',
    postalCode: '69002',
    city: 'Lyon',
    unitLabel: 'Lot 4',
    surfaceM2: '45,50',
    ownerId: 'owner-1',
  };
  it('parses French decimals and refuses missing or invalid values in French', () => {
    expect(ZPropertyForm.parse(property)).toMatchObject({ kind: 'APPARTEMENT', surfaceM2: '45.50' });
    expect(errorsOf(ZPropertyForm, { ...property, surfaceM2: '45 m2' })).toEqual({
      surfaceM2: 'Surface invalide : saisissez un nombre de m² (exemple : 45,50).',
    });
    expect(
      errorsOf(ZPropertyForm, { ...property, addressLine: '', city: '', ownerId: '', postalCode: '', kind: 'Château' }),
    ).toEqual({
      addressLine: "Saisissez l'adresse du bien.",
      city: 'Saisissez la ville du bien.',
      ownerId: 'Choisissez le propriétaire du bien.',
      postalCode: 'Code postal invalide : saisissez 5 chiffres (exemple : 69003).',
      kind: 'Type de bien inconnu : choisissez Appartement, Maison, Studio, Local commercial, Parking ou Autre.',
    });
  });

  const lease = {
    propertyId: 'p1',
    startDate: '01/09/2024',
    endDate: '',
    rentCents: '1 234,56',
    chargesCents: '80',
    depositCents: '',
    primaryTenantId: 't1',
    coTenantIds: ['t2', 't1'],
  };
  it('reads euros with French decimals, French dates, and lists the main tenant first', () => {
    expect(ZLeaseForm.parse(lease)).toMatchObject({
      rentCents: 123456,
      chargesCents: 8000,
      depositCents: 0,
      startDate: new Date(Date.UTC(2024, 8, 1)),
      endDate: null,
      tenantIds: ['t1', 't2'],
    });
    expect(ZLeaseForm.parse({ ...lease, startDate: '2024-09-01', rentCents: '1.234,5' })).toMatchObject({
      rentCents: 123450,
      startDate: new Date(Date.UTC(2024, 8, 1)),
    });
  });

  it('refuses bad amounts, impossible dates, an end before the start and a lease without tenant', () => {
    expect(errorsOf(ZLeaseForm, { ...lease, rentCents: '' })).toEqual({
      rentCents: 'Loyer : saisissez un montant en euros.',
    });
    expect(errorsOf(ZLeaseForm, { ...lease, chargesCents: '12,345' })).toEqual({
      chargesCents: 'Charges : montant invalide, saisissez un nombre en euros (exemple : 1 234,56).',
    });
    expect(errorsOf(ZLeaseForm, { ...lease, depositCents: '-500' })).toEqual({
      depositCents: 'Dépôt de garantie : montant invalide, saisissez un nombre en euros (exemple : 1 234,56).',
    });
    expect(errorsOf(ZLeaseForm, { ...lease, startDate: '31/02/2024' })).toEqual({
      startDate: 'Date de début : date invalide, utilisez le format JJ/MM/AAAA (exemple : 05/03/2024).',
    });
    expect(errorsOf(ZLeaseForm, { ...lease, startDate: '' })).toEqual({
      startDate: 'Date de début : saisissez une date (JJ/MM/AAAA).',
    });
    expect(errorsOf(ZLeaseForm, { ...lease, endDate: '01/01/2024' })).toEqual({
      endDate: 'La date de fin doit être postérieure à la date de début.',
    });
    expect(errorsOf(ZLeaseForm, { ...lease, primaryTenantId: '' })).toEqual({
      primaryTenantId: 'Choisissez le locataire principal du bail.',
    });
  });

  it('formats and statuses: a lease whose end date is past is ended', () => {
    expect(parseEurosToCents('1 234,56 €')).toBe(123456);
    expect(parseEurosToCents('1\u202f234,56')).toBe(123456);
    expect(parseFrenchDate('29/02/2023')).toBeNull();
    const now = new Date('2026-03-10T12:00:00Z');
    expect(leaseStatus({ startDate: new Date('2024-01-01'), endDate: new Date('2026-03-09') }, now)).toBe('ENDED');
    expect(leaseStatus({ startDate: new Date('2024-01-01'), endDate: new Date('2026-03-10') }, now)).toBe('CURRENT');
    expect(leaseStatus({ startDate: new Date('2026-04-01'), endDate: null }, now)).toBe('UPCOMING');
  });
});
