// A real SMTP server (smtp-server) on a random loopback port that collects what it receives, so tests
// hold a real SMTP conversation. Fault modes: `failWith` refuses the message at DATA, `rcptFailWith` refuses the
// recipient, `delayMs` answers DATA late (and still keeps the mail, like a relay that accepts after the client gave
// up), `dropAtData` closes the connection instead of answering DATA.
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export type ReceivedMail = { from: string; to: string[]; raw: string };

export type SmtpPeer = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Reply to DATA with this SMTP error (e.g. { code: 550, message: 'Mailbox unavailable' }) until cleared. */
  failWith: { code: number; message: string } | null;
  /** Refuse every recipient (RCPT TO) with this SMTP error until cleared. */
  rcptFailWith: { code: number; message: string } | null;
  /** Wait this long before answering DATA; the mail is kept even if the client has left meanwhile. */
  delayMs: number;
  /** Close the connection once the message is received, without answering (a crash or a network cut). */
  dropAtData: boolean;
  close(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
};

export async function startSmtpPeer(options: Partial<SMTPServerOptions> = {}): Promise<SmtpPeer> {
  const peer = {
    received: [] as ReceivedMail[],
    failWith: null as SmtpPeer['failWith'],
    rcptFailWith: null as SmtpPeer['rcptFailWith'],
    delayMs: 0,
    dropAtData: false,
  };
  const smtpError = ({ code, message }: { code: number; message: string }) =>
    Object.assign(new Error(message), { responseCode: code });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    ...options,
    onRcptTo(_address, _session, callback) {
      callback(peer.rcptFailWith ? smtpError(peer.rcptFailWith) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (peer.dropAtData) {
          for (const socket of sockets) socket.destroy();
          return;
        }
        setTimeout(() => {
          if (peer.failWith) return callback(smtpError(peer.failWith));
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
  const sockets = new Set<Socket>();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
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
