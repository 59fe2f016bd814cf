import { beforeAll, describe, expect, it } from 'vitest';
import { accessStatus } from '@/server/access/access-status';
import { generateLogin, loginSlug } from '@/server/access/generate-login';
import { listAccounts, type AccountRow } from '@/server/access/list-accounts';
import { PAGE_SIZE, ZListQuery } from '@/server/access/schemas';
import { db } from '@/server/db';
import { createTiers } from '../factories';
import { createEnrolledTiers, staffAudit } from '../factories/access';

const list = (q: Record<string, string>) => listAccounts(ZListQuery.parse(q));

describe('identifiants', () => {
  it('are <slug ≤12>.<4 unambiguous characters>, accents and spaces folded', () => {
    expect(loginSlug('Lefèvre')).toBe('lefevre');
    expect(loginSlug('Le Gall')).toBe('le-gall');
    expect(loginSlug('SCI Bellecour Patrimoine')).toBe('sci-bellecou');
    expect(loginSlug('Da Silva-')).toBe('da-silva');
    expect(loginSlug('李')).toBe('compte');
    for (let i = 0; i < 200; i++) expect(generateLogin({ lastName: 'Noël' })).toMatch(/^noel\.[a-hjkmnp-z2-9]{4}$/);
  });
});

describe('access status', () => {
  const enrolledAt = new Date('2026-01-01T00:00:00Z');
  const base = { status: 'ENROLLED' as const, enrolledAt, lockedUntil: null, lastLoginAt: null };
  const now = new Date('2026-02-01T00:00:00Z');
  it('derives each of the six statuses', () => {
    expect(accessStatus(null, null, now)).toBe('NOT_ENROLLED');
    expect(accessStatus({ ...base, status: 'UNENROLLED' }, null, now)).toBe('UNENROLLED');
    expect(accessStatus({ ...base, lockedUntil: new Date('2026-02-01T00:10:00Z'), lastLoginAt: now }, null, now)).toBe(
      'LOCKED',
    );
    expect(accessStatus({ ...base, lockedUntil: new Date('2026-01-31T00:00:00Z') }, null, now)).toBe(
      'CREDENTIALS_TO_SEND',
    );
    expect(
      accessStatus(
        { ...base, lastLoginAt: new Date('2026-01-15T00:00:00Z') },
        { status: 'SENT', createdAt: enrolledAt },
        now,
      ),
    ).toBe('ACTIVE');
    expect(accessStatus(base, { status: 'SENT', createdAt: new Date('2026-01-02T00:00:00Z') }, now)).toBe(
      'CREDENTIALS_SENT',
    );
    expect(accessStatus(base, { status: 'PENDING_REVIEW', createdAt: new Date('2026-01-02T00:00:00Z') }, now)).toBe(
      'CREDENTIALS_TO_SEND',
    );
    // A mail or a login from before the current enrolment no longer counts.
    expect(accessStatus(base, { status: 'SENT', createdAt: new Date('2025-12-01T00:00:00Z') }, now)).toBe(
      'CREDENTIALS_TO_SEND',
    );
    expect(accessStatus({ ...base, lastLoginAt: new Date('2025-12-01T00:00:00Z') }, null, now)).toBe(
      'CREDENTIALS_TO_SEND',
    );
  });
});

describe('the Gestion des accès list', () => {
  const names = ['Éloïse', 'Dupont', 'Dupré', 'Martin', 'Martinez', 'Zola', 'Abadie'];
  let tenants: { id: string; lastName: string; email: string | null; externalRef: string | null }[] = [];
  let owner: { id: string };
  let ownerLogin: string;

  beforeAll(async () => {
    const { audit } = await staffAudit();
    tenants = [];
    for (let i = 0; i < 130; i++)
      tenants.push(
        await createTiers({ lastName: `${names[i % names.length]}`, firstName: `P${String(i).padStart(3, '0')}` }),
      );
    const enrolled = await createEnrolledTiers(audit, { kind: 'PROPRIETAIRE', lastName: 'Propriétaire Unique' });
    owner = enrolled.tiers;
    ownerLogin = enrolled.account.login;
  });

  async function walk(query: Record<string, string>): Promise<AccountRow[]> {
    const rows: AccountRow[] = [];
    let page = await list(query);
    for (;;) {
      rows.push(...page.rows);
      if (!page.next) break;
      page = await list({ ...query, apres: page.next });
    }
    return rows;
  }

  it('filters by type and walks every row once with Suivant, in name order, and back with Précédent', async () => {
    const tenantsOnly = await walk({ type: 'locataire' });
    expect(tenantsOnly).toHaveLength(130);
    expect(tenantsOnly.every((r) => r.kind === 'LOCATAIRE')).toBe(true);
    expect(new Set(tenantsOnly.map((r) => r.tiersId)).size).toBe(130);
    expect(tenantsOnly[0].name).toMatch(/Abadie$/);
    expect(tenantsOnly.at(-1)!.name).toMatch(/Zola$/);
    // Éloïse sorts as "eloise", between Dupré and Martin.
    const order = [...new Set(tenantsOnly.map((r) => r.name.split(' ').at(-1)))];
    expect(order).toEqual(['Abadie', 'Dupont', 'Dupré', 'Éloïse', 'Martin', 'Martinez', 'Zola']);

    const first = await list({ type: 'locataire' });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.previous).toBeNull();
    const second = await list({ type: 'locataire', apres: first.next! });
    const back = await list({ type: 'locataire', avant: second.previous! });
    expect(back.rows.map((r) => r.tiersId)).toEqual(first.rows.map((r) => r.tiersId));
    expect(back.previous).toBeNull();
    expect(back.next).toBe(first.next);

    const owners = await list({ type: 'proprietaire' });
    expect(owners.rows.map((r) => r.tiersId)).toEqual([owner.id]);
    expect(owners.rows[0]).toMatchObject({ login: ownerLogin, status: 'CREDENTIALS_TO_SEND', kind: 'PROPRIETAIRE' });
    expect((await walk({ type: 'tous' })).length).toBe(131);
  });

  it('searches by name (start, accents and case ignored), identifiant, e-mail and reference', async () => {
    const martins = await walk({ q: 'MARTIN' });
    expect(martins.map((r) => r.name.split(' ').at(-1))).toEqual([
      ...Array(19).fill('Martin'),
      ...Array(18).fill('Martinez'),
    ]);
    expect((await walk({ q: 'eloise' })).length).toBe(19);
    expect((await walk({ q: 'dupre p00' })).map((r) => r.name)).toEqual(['Mme P002 Dupré', 'Mme P009 Dupré']);
    expect((await list({ q: ownerLogin.toUpperCase() })).rows.map((r) => r.tiersId)).toEqual([owner.id]);
    expect((await list({ q: ownerLogin.split('.')[0] })).rows.map((r) => r.tiersId)).toContain(owner.id);
    const someone = tenants[42];
    expect((await list({ q: someone.email!.toUpperCase() })).rows.map((r) => r.tiersId)).toEqual([someone.id]);
    await db.tiers.update({ where: { id: someone.id }, data: { externalRef: 'LOC-00042' } });
    expect((await list({ q: 'loc-00042' })).rows.map((r) => r.tiersId)).toEqual([someone.id]);
    expect((await list({ q: 'personne-inconnue' })).rows).toEqual([]);
    // Characters that mean something to LIKE or SQL are just characters.
    expect((await list({ q: "%' OR 1=1 --" })).rows).toEqual([]);
    expect((await list({ q: '_' })).rows).toEqual([]);
  });

  it('finds a person as read in the list: words in any order, civility, accents, case, parts of words, best first', async () => {
    const { audit } = await staffAudit();
    const cedric = (await createEnrolledTiers(audit, { kind: 'PROPRIETAIRE', lastName: 'André' })).tiers;
    await db.tiers.update({
      where: { id: cedric.id },
      data: {
        firstName: 'Cédric',
        sortName: 'andre cedric',
        email: 'c.andre-bureau@cabinet-lumiere.fr',
        phone: '06 71 23 45 89',
        externalRef: 'LOC-7731',
      },
    });
    // Owners, so that the other tests' counts of tenants stay. Near misses match some words: the whole name comes first.
    await createTiers({ kind: 'PROPRIETAIRE', lastName: 'Andréani', firstName: 'Cédrick' });
    await createTiers({ kind: 'PROPRIETAIRE', lastName: 'Durand', firstName: 'Cédric' });
    await createTiers({ kind: 'PROPRIETAIRE', lastName: 'Andrey', firstName: 'Marc' });
    const login = (await db.extranetAccount.findUniqueOrThrow({ where: { tiersId: cedric.id } })).login;
    for (const q of [
      'Cédric André',
      'M. Cédric André',
      'andré cédric',
      'andre',
      'CEDR',
      'cedr andr',
      'lumiere.fr',
      'andre-bureau@',
      '06 71 23 45 89',
      '0671234589',
      '4589',
      'loc-7731',
      login.toUpperCase(),
      login.slice(2, 9),
    ]) {
      const { rows } = await list({ q });
      expect(rows[0]?.tiersId, q).toBe(cedric.id);
      expect(rows[0].name).toBe('Mme Cédric André');
    }
    expect((await list({ q: 'Cédric André' })).rows.map((r) => r.name)).toEqual([
      'Mme Cédric André',
      'Mme Cédrick Andréani',
    ]);
    expect((await list({ q: 'Mme Claude André' })).rows).toEqual([]);
  });

  it('pages through a search, best first, with Suivant and back with Précédent', async () => {
    // Every tenant matches, all with the same rank: the pages continue from the rank the cursor carries.
    const query = { type: 'locataire', q: 'exemple.fr lyon' };
    const all = await walk(query);
    expect(all).toHaveLength(130);
    expect(new Set(all.map((r) => r.tiersId)).size).toBe(130);
    const first = await list(query);
    const second = await list({ ...query, apres: first.next! });
    expect(second.rows[0].tiersId).toBe(all[PAGE_SIZE].tiersId);
    const back = await list({ ...query, avant: second.previous! });
    expect(back.rows.map((r) => r.tiersId)).toEqual(first.rows.map((r) => r.tiersId));
  });

  it('sorts by last login, most recent first, then those who never logged in, across pages both ways', async () => {
    const { audit } = await staffAudit();
    const loggedIn = [];
    for (let i = 0; i < 3; i++) {
      const p = await createEnrolledTiers(audit, { lastName: `Connecte${i}` });
      await db.extranetAccount.update({
        where: { id: p.account.id },
        data: { lastLoginAt: new Date(p.account.enrolledAt.getTime() + (i + 1) * 60_000) },
      });
      loggedIn.push(p.tiers.id);
    }
    const rows = await walk({ tri: 'connexion', type: 'locataire' });
    expect(rows).toHaveLength(133);
    expect(rows.slice(0, 3).map((r) => r.tiersId)).toEqual([...loggedIn].reverse());
    expect(rows[0].status).toBe('ACTIVE');
    expect(new Set(rows.map((r) => r.tiersId)).size).toBe(133);
    const p1 = await list({ tri: 'connexion', type: 'locataire' });
    const p2 = await list({ tri: 'connexion', type: 'locataire', apres: p1.next! });
    const p3 = await list({ tri: 'connexion', type: 'locataire', apres: p2.next! });
    expect((await list({ tri: 'connexion', type: 'locataire', avant: p3.previous! })).rows).toEqual(p2.rows);
    expect((await list({ tri: 'connexion', type: 'locataire', avant: p2.previous! })).rows).toEqual(p1.rows);
  });

  it('ignores a malformed cursor or filter instead of failing', async () => {
    const page = await list({ type: 'n/importe', tri: 'x', apres: 'pas-un-curseur' });
    expect(page.rows).toHaveLength(PAGE_SIZE);
  });
});
