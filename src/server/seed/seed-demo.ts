import 'server-only';
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/generated/prisma/client';
import type { PropertyKind, StaffRole } from '@/generated/prisma/enums';
import { createHash } from 'node:crypto';
import { hashPassword } from '@/server/session/password';
import { getDocumentStorage } from '@/server/documents/storage';
import { demoPdf } from './demo-pdf';
import { truncateAllTables } from './seed.sql';
import { sortNameOf } from '@/shared/tiers/names';
import { formatMonthYear } from '@/shared/dates';

// A demo agency with realistic French data, generated from a fixed seed so every install looks the same.

export const DEMO_STAFF: { email: string; name: string; role: StaffRole; password: string }[] = [
  { email: 'admin@agence-demo.fr', name: 'Hélène Administratrice', role: 'ADMIN', password: 'Demo-Admin-2026!' },
  {
    email: 'gestion@agence-demo.fr',
    name: 'Julien Gestionnaire',
    role: 'GESTIONNAIRE',
    password: 'Demo-Gestion-2026!',
  },
  { email: 'support@agence-demo.fr', name: 'Sofia Support', role: 'SUPPORT', password: 'Demo-Support-2026!' },
];

const FIRST_F = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Inès',
  'Sarah',
  'Julie',
  'Émilie',
  'Clara',
  'Anaïs',
  'Pauline',
  'Hélène',
  'Margaux',
  'Océane',
  'Élodie',
  'Nathalie',
  'Isabelle',
  'Sophie',
  'Céline',
  'Aurélie',
  'Françoise',
  'Agnès',
  'Zoé',
  'Louise',
];
const FIRST_M = [
  'Thomas',
  'Nicolas',
  'Julien',
  'Maxime',
  'Antoine',
  'Hugo',
  'Lucas',
  'Alexandre',
  'Mathieu',
  'Romain',
  'Guillaume',
  'Sébastien',
  'François',
  'Jérôme',
  'Cédric',
  'Loïc',
  'Benoît',
  'Théo',
  'Rémi',
  'Frédéric',
  'Yannick',
  'Étienne',
  'Noël',
  'Mehdi',
];
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefèbvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Gérard',
  'Nguyen',
  'Boyer',
  'Denis',
  'Lemaire',
  'Duval',
  'Joly',
  'Gautier',
  'Roger',
  'Roche',
  'Roy',
  'Noël',
  'Meyer',
  'Lucas',
  'Meunier',
  'Jean',
  'Pérez',
  'Marchand',
  'Dufour',
  'Blanchard',
  'Barbier',
  'Brun',
  'Dumas',
  'Brunet',
  'Schmitt',
  'Leroux',
  'Colin',
  'Fernandez',
  'Benoît',
  'Le Gall',
  'Caron',
  'Da Silva',
];
const STREETS = [
  'rue de la République',
  'avenue Jean Jaurès',
  'rue Victor Hugo',
  'boulevard Gambetta',
  'rue Pasteur',
  'place de la Mairie',
  'rue des Lilas',
  'allée des Tilleuls',
  'rue du Général de Gaulle',
  'avenue Foch',
  'rue Nationale',
  'quai Saint-Antoine',
  'rue Émile Zola',
  "rue de l'Église",
  'cours Lafayette',
  'rue Sainte-Catherine',
  'impasse des Vignes',
  'chemin des Prés',
];
const CITIES: [string, string][] = [
  ['69003', 'Lyon'],
  ['69006', 'Lyon'],
  ['69100', 'Villeurbanne'],
  ['38000', 'Grenoble'],
  ['42000', 'Saint-Étienne'],
  ['01000', 'Bourg-en-Bresse'],
  ['69500', 'Bron'],
  ['69300', 'Caluire-et-Cuire'],
  ['73000', 'Chambéry'],
  ['74000', 'Annecy'],
];
const COMPANIES = [
  'SCI Les Tilleuls',
  'SCI Bellecour Patrimoine',
  'SARL Immo Rhône',
  'SCI Famille Dubois',
  'SCI du Parc',
];
const KINDS: PropertyKind[] = [
  'APPARTEMENT',
  'APPARTEMENT',
  'APPARTEMENT',
  'STUDIO',
  'MAISON',
  'PARKING',
  'LOCAL_COMMERCIAL',
];

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-');

export type SeedCounts = {
  staff: number;
  locataires: number;
  proprietaires: number;
  biens: number;
  baux: number;
  documents: number;
};

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  const [staff, tiers] = await Promise.all([prisma.staffUser.count(), prisma.tiers.count()]);
  return staff === 0 && tiers === 0;
}

/** Creates the demo agency. Refuses a database that already has data: use `reset` to erase it first. */
export async function seedDemo(
  prisma: PrismaClient,
  options: { locataires?: number; proprietaires?: number } = {},
): Promise<SeedCounts> {
  if (!(await isDatabaseEmpty(prisma)))
    throw new Error(
      'The database already has data: seeding refused. Use `npm run db:seed -- --reset` to erase it and seed again.',
    );
  const random = rng(20261125);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const nTenants = options.locataires ?? 300;
  const nOwners = options.proprietaires ?? 80;

  const person = (kind: 'LOCATAIRE' | 'PROPRIETAIRE', index: number) => {
    const woman = random() < 0.5;
    const firstName = pick(woman ? FIRST_F : FIRST_M);
    const lastName = pick(LAST);
    const [postalCode, city] = pick(CITIES);
    const company = kind === 'PROPRIETAIRE' && index < COMPANIES.length ? COMPANIES[index] : null;
    const hasEmail = random() > 0.04; // a few people without e-mail, as in real agencies
    const data = {
      id: randomUUID(),
      kind,
      civility: company ? null : woman ? 'Mme' : 'M.',
      firstName: company ? null : firstName,
      lastName: company ?? lastName,
      companyName: company,
      email: hasEmail
        ? `${ascii(company ?? `${firstName}.${lastName}`)}.${index}@exemple.fr`.replace(/-+/g, '-')
        : null,
      phone: `06 ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))}`,
      addressLine: `${1 + Math.floor(random() * 120)} ${pick(STREETS)}`,
      postalCode,
      city,
      externalRef: `${kind === 'LOCATAIRE' ? 'LOC' : 'PRO'}-${String(index + 1).padStart(5, '0')}`,
    };
    return { ...data, sortName: sortNameOf(data) };
  };

  const owners = Array.from({ length: nOwners }, (_, i) => person('PROPRIETAIRE', i));
  const tenants = Array.from({ length: nTenants }, (_, i) => person('LOCATAIRE', i));

  // Tenants are grouped into leases of one, sometimes two (colocation); each lease has its own bien.
  const groups: (typeof tenants)[] = [];
  for (let i = 0; i < tenants.length;) {
    const size = random() < 0.12 && i + 1 < tenants.length ? 2 : 1;
    groups.push(tenants.slice(i, i + size));
    i += size;
  }
  const vacant = Math.round(groups.length * 0.08);
  const properties = Array.from({ length: groups.length + vacant }, (_, i) => {
    const [postalCode, city] = pick(CITIES);
    const kind = pick(KINDS);
    return {
      id: randomUUID(),
      externalRef: `BIEN-${String(i + 1).padStart(5, '0')}`,
      kind,
      addressLine: `${1 + Math.floor(random() * 150)} ${pick(STREETS)}`,
      postalCode,
      city,
      unitLabel:
        kind === 'MAISON'
          ? null
          : `Lot ${1 + Math.floor(random() * 40)}${kind === 'PARKING' ? ', sous-sol' : `, ${Math.floor(random() * 6)}e étage`}`,
      surfaceM2: kind === 'PARKING' ? 12 : Math.round((18 + random() * 100) * 100) / 100,
      ownerId: owners[i % owners.length].id,
    };
  });
  const today = new Date();
  const leases = groups.map((group, i) => {
    const property = properties[i];
    const start = new Date(
      Date.UTC(today.getUTCFullYear() - 1 - Math.floor(random() * 6), Math.floor(random() * 12), 1),
    );
    const rent = property.kind === 'PARKING' ? 80 + Math.floor(random() * 40) : 450 + Math.floor(random() * 900);
    return {
      id: randomUUID(),
      externalRef: `BAIL-${String(i + 1).padStart(5, '0')}`,
      propertyId: property.id,
      startDate: start,
      endDate: random() < 0.05 ? new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 0)) : null,
      rentCents: rent * 100,
      chargesCents: Math.floor(rent * 0.12) * 100,
      depositCents: rent * 100,
      tenants: group.map((t, k) => ({ leaseId: '', tiersId: t.id, isPrimary: k === 0 })),
    };
  });

  // A quittance per current lease and a compte rendu de gérance per owner, so the extranet has documents.
  const month = formatMonthYear(new Date(today.getFullYear(), today.getMonth() - 1, 15));
  const storage = getDocumentStorage();
  const store = async (title: string, fileName: string, lines: string[]) => {
    const bytes = await demoPdf(lines);
    return {
      id: randomUUID(),
      title,
      fileName,
      mimeType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storageKey: await storage.put(bytes, fileName),
    };
  };
  const documents = [
    ...(await Promise.all(
      leases
        .filter((l) => !l.endDate)
        .map(async (l) => ({
          ...(await store(`Quittance de loyer – ${month}`, `quittance-${l.externalRef}.pdf`, [
            'Quittance de loyer',
            `Bail ${l.externalRef} – ${month}`,
            `Loyer : ${(l.rentCents / 100).toFixed(2)} EUR, charges : ${(l.chargesCents / 100).toFixed(2)} EUR`,
            'Agence Démo Immobilier',
          ])),
          category: 'QUITTANCE' as const,
          leaseId: l.id,
        })),
    )),
    ...(await Promise.all(
      owners.map(async (o) => ({
        ...(await store(`Compte rendu de gérance – ${month}`, `crg-${o.externalRef}.pdf`, [
          'Compte rendu de gérance',
          `${o.companyName ?? `${o.firstName} ${o.lastName}`} – ${month}`,
          'Agence Démo Immobilier',
        ])),
        category: 'COMPTE_RENDU_GERANCE' as const,
        tiersId: o.id,
      })),
    )),
  ];

  const staff = await Promise.all(DEMO_STAFF.map(async (s) => ({ ...s, hash: await hashPassword(s.password) })));

  await prisma.$transaction(
    async (tx) => {
      await tx.agencySettings.upsert({
        where: { id: 1 },
        create: {
          id: 1,
          agencyName: 'Agence Démo Immobilier',
          agencyEmail: 'contact@agence-demo.fr',
          agencyPhone: '04 78 00 00 00',
          agencyAddress: '12 rue de la République, 69002 Lyon',
          mailSignature: "L'équipe de gestion locative",
        },
        update: {},
      });
      for (const s of staff) {
        await tx.staffUser.create({
          data: { email: s.email, name: s.name, role: s.role, password: { create: { hash: s.hash } } },
        });
      }
      await tx.tiers.createMany({ data: [...owners, ...tenants] });
      await tx.property.createMany({ data: properties });
      await tx.lease.createMany({ data: leases.map(({ tenants: _, ...lease }) => lease) });
      await tx.leaseTenant.createMany({ data: leases.flatMap((l) => l.tenants.map((t) => ({ ...t, leaseId: l.id }))) });
      await tx.document.createMany({ data: documents });
    },
    { timeout: 60_000 },
  );

  return {
    staff: staff.length,
    locataires: tenants.length,
    proprietaires: owners.length,
    biens: properties.length,
    baux: leases.length,
    documents: documents.length,
  };
}

/** Erases every record (not the schema). Only on explicit request. */
export async function eraseAllData(prisma: PrismaClient): Promise<void> {
  await truncateAllTables(prisma);
}
