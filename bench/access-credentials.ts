// The blue envelope for 1,000 people on PostgreSQL: throughput of the whole job (hash, render, encrypt, write,
// audit) against the raw argon2id hash rate of this machine's cores with the same parameters, measured in the
// same run (before and after the job, best concurrency), and the process's peak RSS.
//   NODE_ENV=production npx tsx --import ./bench/support/server-only.mjs bench/access-credentials.ts
import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import { enrollAccounts } from '@/server/access/enroll-accounts';
import { generateCredentials } from '@/server/access/generate-credentials';
import { ARGON2_OPTIONS } from '@/server/session/password';
import { closeEngine, db, getEngine } from '@/server/db';
import { migrate } from '@/server/db/migrate';
import { sortNameOf } from '@/shared/tiers/names';
import { freshDatabase } from './support/database';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000);
const HASH_SAMPLE = Number(process.env.BENCH_HASH_SAMPLE ?? 200);
const cores = availableParallelism();

/** Hashes per second with `concurrency` hashes in flight (argon2's native work runs on libuv's pool). */
async function rawHashRate(concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < HASH_SAMPLE) await argon2.hash(`Bench-${next++}-password`, ARGON2_OPTIONS);
    }),
  );
  return HASH_SAMPLE / ((performance.now() - started) / 1000);
}

async function bestRawRate(): Promise<{ rate: number; concurrency: number }> {
  let best = { rate: 0, concurrency: 0 };
  for (const concurrency of [cores, cores + 1, 4]) {
    const rate = await rawHashRate(concurrency);
    if (rate > best.rate) best = { rate, concurrency };
  }
  return best;
}

await freshDatabase('bench_access_credentials');
await migrate(getEngine());
await db.agencySettings.create({
  data: { id: 1, agencyName: 'Agence Banc d’essai', deliveryMode: 'TEMPORARY_PASSWORD', temporaryPasswordDays: 7 },
});
const staff = await db.staffUser.create({ data: { email: 'bench@agence.fr', name: 'Banc', role: 'GESTIONNAIRE' } });
const actor = { type: 'STAFF' as const, staffId: staff.id, ip: null };
const people = Array.from({ length: PEOPLE }, (_, i) => {
  const data = {
    kind: i % 5 ? ('LOCATAIRE' as const) : ('PROPRIETAIRE' as const),
    civility: 'Mme',
    lastName: `Durand${i}`,
    firstName: 'Claire',
    email: `p${i}@exemple.fr`,
    externalRef: `REF-${i}`,
  };
  return { ...data, sortName: sortNameOf(data) };
});
await db.tiers.createMany({ data: people });
const ids = (await db.tiers.findMany({ select: { id: true } })).map((t) => t.id);
let started = performance.now();
await enrollAccounts(actor, ids);
console.log(`Inscrire ${PEOPLE} people in one action: ${((performance.now() - started) / 1000).toFixed(2)} s`);

console.log(
  `\n${cores} cores, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}, argon2id m=${ARGON2_OPTIONS.memoryCost} KiB t=${ARGON2_OPTIONS.timeCost} p=${ARGON2_OPTIONS.parallelism}`,
);
await rawHashRate(cores); // warm-up
const before = await bestRawRate();
console.log(
  `raw argon2id rate before the job: ${before.rate.toFixed(2)} hashes/s (best at ${before.concurrency} in flight, ${HASH_SAMPLE} hashes)`,
);

let peakSampledRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakSampledRss = Math.max(peakSampledRss, process.memoryUsage().rss)), 50);
started = performance.now();
const { jobId } = await generateCredentials(actor, ids);
if (!jobId) throw new Error('expected a BulkJob');
let job;
for (;;) {
  job = await db.bulkJob.findUniqueOrThrow({ where: { id: jobId } });
  if (job.status !== 'RUNNING') break;
  await new Promise((r) => setTimeout(r, 100));
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);

const after = await bestRawRate();
console.log(
  `raw argon2id rate after the job:  ${after.rate.toFixed(2)} hashes/s (best at ${after.concurrency} in flight)`,
);
const mails = await db.outboxMail.count({ where: { status: 'PENDING_REVIEW', type: 'CREDENTIALS' } });
const passwords = await db.extranetPassword.count();
const rate = job.done / seconds;
const raw = (before.rate + after.rate) / 2;
console.log(
  `\nenvelope job: ${job.status}, ${job.done}/${job.total} done, ${job.failed} failed, ${mails} mails "À vérifier", ${passwords} password hashes, in ${seconds.toFixed(1)} s`,
);
console.log(
  `throughput: ${rate.toFixed(2)} people/s = ${((rate / raw) * 100).toFixed(1)} % of the raw hash rate (mean of before/after ${raw.toFixed(2)}/s; target ≥ 80 %)`,
);
console.log(
  `peak RSS: ${(Math.max(peakSampledRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024).toFixed(0)} MiB (process max; sampled during the job: ${(peakSampledRss / 1024 / 1024).toFixed(0)} MiB)`,
);
await closeEngine();
process.exitCode = job.status === 'DONE' && mails === PEOPLE && rate / raw >= 0.8 ? 0 : 1;
