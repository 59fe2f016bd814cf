// npm run worker: a dispatcher and the "Mot de passe oublié" queue as a process of its own, next to (or instead of)
// the ones inside the app. Any number may run at once: they share the work through the database (FOR UPDATE SKIP
// LOCKED + leases), on PostgreSQL or beside npm start on the embedded database.
import { startResetRequestWorker } from '@/server/extranet/reset-request-worker';
import { createDispatcher } from '@/server/outbox/dispatcher';
import { createMailTransport, describeSmtpUrl } from '@/server/outbox/transport';
import { describeDatabase, runCli } from './cli';

await runCli(async ({ config, engine }) => {
  // Listening before saying anything: a stop asked for as soon as the worker shows up is a clean stop.
  const stopped = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  const transport = createMailTransport(config);
  const dispatcher = createDispatcher({
    db: engine.prisma,
    transport,
    from: config.mailFrom,
    replyTo: config.mailReplyTo,
  });
  console.log(`Outbox worker ${dispatcher.id}`);
  console.log(`  database: ${describeDatabase(config)}`);
  console.log(
    `  mail: ${config.smtpUrl ? `SMTP ${describeSmtpUrl(config.smtpUrl)}` : `local mailbox ${transport.description} (no SMTP_URL: mail does not leave this machine)`}`,
  );
  dispatcher.start();
  startResetRequestWorker();
  await stopped;
  console.log('Stopping: finishing the mails in hand…');
  await dispatcher.stop();
});
