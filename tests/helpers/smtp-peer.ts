// A real SMTP server (smtp-server) on a random loopback port that collects what it receives, so tests
// hold a real SMTP conversation. `failWith` makes it refuse, `delayMs` makes it slow.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export type ReceivedMail = { from: string; to: string[]; raw: string };

export type SmtpPeer = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Reply to DATA with this SMTP error (e.g. { code: 550, message: 'Mailbox unavailable' }) until cleared. */
  failWith: { code: number; message: string } | null;
  /** Wait this long before answering DATA. */
  delayMs: number;
  close(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
};

export async function startSmtpPeer(options: Partial<SMTPServerOptions> = {}): Promise<SmtpPeer> {
  const peer = { received: [] as ReceivedMail[], failWith: null as SmtpPeer['failWith'], delayMs: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    ...options,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        setTimeout(() => {
          if (peer.failWith) {
            const error = new Error(peer.failWith.message) as Error & { responseCode: number };
            error.responseCode = peer.failWith.code;
            return callback(error);
          }
          peer.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        }, peer.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(peer, {
    url: `smtp://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async waitFor(count: number, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (peer.received.length < count) {
        if (Date.now() > until)
          throw new Error(`SMTP peer received ${peer.received.length} of ${count} mails in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return peer.received;
    },
  });
}
