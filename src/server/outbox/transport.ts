import 'server-only';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type { Config } from '@/server/config';

/** What the dispatcher needs from a transport: send one message, check the connection, close. */
export type MailTransport = {
  kind: 'smtp' | 'mailbox';
  /** Where mail goes, for people (never the SMTP password). */
  description: string;
  send(message: Mail.Options): Promise<{ response: string }>;
  verify(): Promise<void>;
  close(): void;
};

export type TransportTimeouts = { connectionTimeoutMs?: number; socketTimeoutMs?: number };

/**
 * The socket timeout is also the wait for the answer to the end of DATA, where a relay scans the message before
 * answering. 10 minutes is RFC 5321's client timeout for that answer (§4.5.3.2.6), longer than common servers' own
 * limits on that work (Postfix's milter_content_timeout and Exim's smtp_receive_timeout: 5 minutes, Postfix's
 * smtpd_proxy_timeout: 100 s), so a slow relay answers before we give up (decision 021).
 */
export const DEFAULT_TIMEOUTS = { connectionTimeoutMs: 15_000, socketTimeoutMs: 10 * 60_000 } as const;

/** SMTP_URL gives a pooled SMTP transport; without it, mail is written to <dataDir>/mailbox/*.eml. */
export function createMailTransport(
  config: Pick<Config, 'smtpUrl' | 'dataDir'>,
  options: TransportTimeouts & { maxConnections?: number; pool?: boolean } = {},
): MailTransport {
  if (!config.smtpUrl) return mailboxTransport(path.join(config.dataDir, 'mailbox'));
  const connectionTimeout = options.connectionTimeoutMs ?? DEFAULT_TIMEOUTS.connectionTimeoutMs;
  const transporter = nodemailer.createTransport({
    ...parseConnectionUrl(config.smtpUrl),
    pool: options.pool ?? true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 1000,
    connectionTimeout,
    greetingTimeout: connectionTimeout,
    socketTimeout: options.socketTimeoutMs ?? DEFAULT_TIMEOUTS.socketTimeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: 'smtp',
    description: describeSmtpUrl(config.smtpUrl),
    async send(message) {
      const info = await transporter.sendMail(message);
      return { response: String(info.response ?? '') };
    },
    async verify() {
      await transporter.verify();
    },
    close: () => transporter.close(),
  };
}

/** The relay without its credentials: "smtp://mail.example.net:587". */
export function describeSmtpUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
}

function mailboxTransport(dir: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: 'mailbox',
    description: dir,
    async send(message) {
      const info = await transporter.sendMail(message);
      const name = `${String(info.messageId ?? message.messageId)
        .replace(/[<>]/g, '')
        .replace(/[^\w.@-]/g, '_')}.eml`;
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, name), info.message as Buffer);
      return { response: `Écrit dans ${path.join(dir, name)}` };
    },
    async verify() {
      await mkdir(dir, { recursive: true });
    },
    close() {},
  };
}
