// Dispatch throughput: the outbox dispatcher (claim with SKIP LOCKED + lease, decrypt, send, mark SENT) against a
// bare nodemailer pooled send loop, both to the same local smtp-server sink, in the same run, on PostgreSQL.
//   npx tsx --conditions=react-server bench/outbox-dispatch.ts [mails=2000] [connections=5]
// Needs a PostgreSQL server (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres); the
// figures are for database `bench_outbox`, recreated at each run.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const MAILS = Number(process.argv[2] ?? 2000);
const CONNECTIONS = Number(process.argv[3] ?? 5);
const ROUNDS = 2;
const server = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS bench_outbox WITH (FORCE)');
await admin.query('CREATE DATABASE bench_outbox');
await admin.end();
const url = new URL(server);
url.pathname = '/bench_outbox';
process.env.DATABASE_URL = url.toString();
process.env.AUTH_SECRET ??= randomBytes(32).toString('base64');
delete process.env.SMTP_URL;

const { getConfig } = await import('@/server/config');
const { db, getEngine, closeEngine } = await import('@/server/db');
const { migrate } = await import('@/server/db/migrate');
const { enqueueMail } = await import('@/server/outbox/enqueue-mail');
const { createDispatcher } = await import('@/server/outbox/dispatcher');
const { composeMessage } = await import('@/server/outbox/compose-message');
const { createMailTransport } = await import('@/server/outbox/transport');
const { SECRET_PLACEHOLDER } = await import('@/server/mail/templates');

// The sink: a real SMTP conversation, the data read and dropped.
let received = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _s, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      received++;
      callback();
    });
  },
});
await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
const smtpUrl = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;

await migrate(getEngine());
const config = getConfig();

// A body of the size and shape of a rendered credential mail (React Email can't render under the react-server
// condition that scripts run with; the dispatcher never renders anyway, it sends the stored bodies).
const paragraph =
  '<p style="font-size:14px;line-height:24px;margin:16px 0;color:#0f172a">Votre espace locataire en ligne est ouvert : vous y trouverez votre bail, vos quittances et vos avis d’échéance.</p>';
const html = `<!DOCTYPE html><html lang="fr"><head><meta charset="UTF-8"></head><body style="background-color:#f1f5f9"><table><tr><td>${paragraph.repeat(20)}<p style="font-family:Consolas,monospace;font-size:18px;font-weight:700">${SECRET_PLACEHOLDER}</p></td></tr></table></body></html>`;
const text = `Bonjour Mme Martin,\n\n${'Votre espace locataire en ligne est ouvert. '.repeat(10)}\n\nMot de passe provisoire\n\n${SECRET_PLACEHOLDER}\n`;
const tiers = await db.tiers.create({
  data: { kind: 'LOCATAIRE', lastName: 'Martin', sortName: 'martin', email: 'martin@exemple.fr' },
});
// Credential mails leave only while their account is enrolled at the version they were made for (send-time check).
const account = await db.extranetAccount.create({
  data: { tiersId: tiers.id, login: 'martin.bench' },
  select: { id: true, credentialVersion: true },
});

async function enqueue(n: number) {
  for (let start = 0; start < n; start += 250) {
    await db.$transaction(async (tx) => {
      for (let i = start; i < Math.min(n, start + 250); i++) {
        await enqueueMail(tx, {
          type: 'CREDENTIALS',
          review: false,
          accountId: account.id,
          credentialVersion: account.credentialVersion,
          tiersId: tiers.id,
          to: `dest-${i}@exemple.fr`,
          toName: `Destinataire ${i}`,
          content: { subject: 'Vos identifiants pour votre espace locataire – Agence', html, text },
          secret: { plain: `Pr0v-${randomBytes(6).toString('base64url')}`, createdAt: new Date(), expiresAt: null },
        });
      }
    });
  }
}

async function measure(run: () => Promise<void>) {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const before = received;
  const t0 = performance.now();
  await run();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  if (received - before !== MAILS) throw new Error(`sink received ${received - before} of ${MAILS}`);
  return { rate: MAILS / seconds, seconds, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
}

async function bare() {
  // The reference: what nodemailer alone does with a pool of the same size, every message queued at once.
  const messages = Array.from({ length: MAILS }, (_, i) =>
    composeMessage(
      {
        toAddress: `dest-${i}@exemple.fr`,
        toName: `Destinataire ${i}`,
        subject: 'Vos identifiants',
        html,
        text,
        messageId: `<bare-${i}-${Date.now()}@bench>`,
      },
      'Pr0v-secret',
      config.mailFrom,
    ),
  );
  const transport = createMailTransport({ smtpUrl, dataDir: config.dataDir }, { maxConnections: CONNECTIONS });
  await Promise.all(messages.map((m) => transport.send(m)));
  transport.close();
}

async function dispatcher() {
  const transport = createMailTransport({ smtpUrl, dataDir: config.dataDir }, { maxConnections: CONNECTIONS });
  // Twice as many lanes as connections, so the pool always has the next message while a lane writes SENT.
  const d = createDispatcher({ db, transport, from: config.mailFrom, concurrency: CONNECTIONS * 2, batchSize: 100 });
  const report = await d.drain();
  await d.stop();
  if (report.sent !== MAILS) throw new Error(`dispatcher sent ${report.sent} of ${MAILS}`);
}

console.log(
  `Outbox dispatch benchmark: ${MAILS} mails, ${CONNECTIONS} pooled SMTP connections, PostgreSQL bench_outbox, Node ${process.version}`,
);
const results: { bare: number[]; dispatcher: number[]; barePeak: number[]; dispatcherPeak: number[] } = {
  bare: [],
  dispatcher: [],
  barePeak: [],
  dispatcherPeak: [],
};
for (let round = 1; round <= ROUNDS; round++) {
  const b = await measure(bare);
  await enqueue(MAILS); // not timed: writing the rows is the caller's transaction, not dispatch
  const d = await measure(dispatcher);
  results.bare.push(b.rate);
  results.dispatcher.push(d.rate);
  results.barePeak.push(b.peakMb);
  results.dispatcherPeak.push(d.peakMb);
  console.log(
    `round ${round}: bare nodemailer ${b.rate.toFixed(0)} mails/s (${b.seconds.toFixed(2)} s, peak RSS ${b.peakMb.toFixed(0)} MB) | dispatcher ${d.rate.toFixed(0)} mails/s (${d.seconds.toFixed(2)} s, peak RSS ${d.peakMb.toFixed(0)} MB) | ratio ${((100 * d.rate) / b.rate).toFixed(0)} %`,
  );
}
const best = (xs: number[]) => Math.max(...xs);
console.log(
  `best: bare ${best(results.bare).toFixed(0)} mails/s, dispatcher ${best(results.dispatcher).toFixed(0)} mails/s, ratio ${((100 * best(results.dispatcher)) / best(results.bare)).toFixed(0)} % (target ≥ 80 %)`,
);
console.log(
  `peak RSS: bare ${best(results.barePeak).toFixed(0)} MB, dispatcher ${best(results.dispatcherPeak).toFixed(0)} MB`,
);
console.log(
  `rows SENT: ${await db.outboxMail.count({ where: { status: 'SENT' } })}, secrets left: ${await db.outboxMail.count({ where: { secretCiphertext: { not: null } } })}`,
);

await new Promise<void>((r) => sink.close(() => r()));
await closeEngine();
