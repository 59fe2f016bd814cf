// Staff sign-in throughput against `next start` on PostgreSQL: Auth.js' own Credentials endpoint
// (POST /api/auth/callback/staff, with its CSRF token), which runs the same guarded sign-in as the form; compared with
// the raw argon2id verification rate measured in the same run (harness: bench/support/login-load.ts).
//   npx next build && npx tsx --conditions=react-server bench/staff-login.ts
// Needs wrk (Debian: apt-get install wrk). Never part of the test run.
import { BASE, PASSWORD, runLoginBenchmark } from './support/login-load';

await runLoginBenchmark({
  database: 'trousseau_bench_staff',
  async seed(client, hash, count) {
    const emails: string[] = [];
    for (let i = 0; i < count; i++) {
      const email = `bench${i}@agence.fr`;
      await client.query(
        `INSERT INTO "StaffUser" (id, email, name, role, "updatedAt") VALUES ($1, $2, $3, 'GESTIONNAIRE', now())`,
        [`s${i}`, email, `Bench ${i}`],
      );
      await client.query(`INSERT INTO "StaffPassword" ("userId", hash, "updatedAt") VALUES ($1, $2, now())`, [
        `s${i}`,
        hash,
      ]);
      emails.push(email);
    }
    return emails;
  },
  // Auth.js checks its double-submit CSRF token: one pair, fetched once, serves every request.
  async request() {
    const response = await fetch(`${BASE}/api/auth/csrf`);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return {
      path: '/api/auth/callback/staff',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body: (email) =>
        new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${BASE}/gestion` }).toString(),
    };
  },
  successStatus: 302,
  checkPage: { path: '/gestion', text: 'Se déconnecter' },
});
