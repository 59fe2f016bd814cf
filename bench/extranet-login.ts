// Extranet login throughput against `next start` on PostgreSQL, compared with the raw argon2id verification rate of
// this machine measured in the same run with the same parameters (harness: bench/support/login-load.ts).
//   npx next build && npx tsx --conditions=react-server bench/extranet-login.ts
// Needs wrk (Debian: apt-get install wrk). Never part of the test run.
import { PASSWORD, runLoginBenchmark } from './support/login-load';

await runLoginBenchmark({
  database: 'trousseau_bench',
  async seed(client, hash, count) {
    const logins: string[] = [];
    for (let i = 0; i < count; i++) {
      const login = `bench${i}.k7m2`;
      await client.query(
        `INSERT INTO "Tiers" (id, kind, "lastName", "sortName", "updatedAt") VALUES ($1, 'LOCATAIRE', 'Bench', $2, now())`,
        [`t${i}`, `bench ${i}`],
      );
      await client.query(
        `INSERT INTO "ExtranetAccount" (id, "tiersId", login, status, "updatedAt") VALUES ($1, $2, $3, 'ENROLLED', now())`,
        [`a${i}`, `t${i}`, login],
      );
      await client.query(`INSERT INTO "ExtranetPassword" ("accountId", hash, "updatedAt") VALUES ($1, $2, now())`, [
        `a${i}`,
        hash,
      ]);
      logins.push(login);
    }
    return logins;
  },
  // As a program signs in: POST /api/extranet/connexion, 303 See Other with the session cookie.
  async request() {
    return {
      path: '/api/extranet/connexion',
      headers: { 'Content-Type': 'application/json' },
      body: (login) => JSON.stringify({ login, password: PASSWORD }),
    };
  },
  successStatus: 303,
  checkPage: { path: '/extranet', text: 'Se déconnecter' },
});
