import 'server-only';
import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgresql:// (leave it unset to use the embedded database)')
    .optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
  APP_URL: z.url('must be an absolute URL such as https://extranet.agence.fr').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must look like smtp://user:pass@host:587 or smtps://host:465')
    .optional(),
  MAIL_FROM: z.string().min(3, 'must be an address such as "Agence <contact@agence.fr>"').optional(),
  MAIL_REPLY_TO: z.email('must be an e-mail address such as contact@agence.fr').optional(),
  OUTBOX_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (`openssl rand -base64 32`)')
    .optional(),
  TRUSTED_PROXIES: z
    .string()
    .refine(
      (v) => v.split(',').every((entry) => parseProxyEntry(entry.trim()) !== null),
      'must be IP addresses or CIDR ranges separated by commas, e.g. 10.0.0.0/8,192.168.1.10',
    )
    .optional(),
  BREVO_WEBHOOK_SECRET: webhookSecret(),
  MAILJET_WEBHOOK_SECRET: webhookSecret(),
  BREVO_WEBHOOK_SOURCES: sourceList(),
  MAILJET_WEBHOOK_SOURCES: sourceList(),
  BOUNCE_IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\/[^/]+/, 'must look like imaps://user:pass@host:993/INBOX or imap://user:pass@host:143/INBOX')
    .refine((v) => URL.canParse(v), 'must be a URL such as imaps://user:pass@host:993/INBOX')
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535, 'must be a TCP port number').default(3000),
  DATA_DIR: z.string().default('.data'),
  /** Embedded engine only: where PGlite keeps its files; `memory://` for a throw-away database. */
  PGLITE_DATA_DIR: z.string().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

function webhookSecret() {
  return z
    .string()
    .regex(
      /^[A-Za-z0-9._~-]{24,200}$/,
      'must be at least 24 letters, digits, "-", "_", "." or "~" (`openssl rand -hex 24`): it goes in a URL',
    )
    .optional();
}

function sourceList() {
  return z
    .string()
    .refine(
      (v) => v.trim() === 'any' || v.split(',').every((entry) => parseProxyEntry(entry.trim()) !== null),
      'must be IP addresses or CIDR ranges separated by commas, or "any"',
    )
    .optional();
}

/**
 * Where each relay's webhooks come from. Brevo documents its webhook ranges
 * (help.brevo.com/hc/en-us/articles/15127404548498); Mailjet documents none, so by default its webhook is
 * checked by its secret alone.
 */
export const DEFAULT_WEBHOOK_SOURCES = { brevo: '1.179.112.0/20,172.246.240.0/20', mailjet: 'any' } as const;

export type WebhookConfig = {
  /** Unset: the endpoint answers 404. */
  secret: string | null;
  /** Allowed source addresses (client address as in client-ip.ts); null: any. */
  sources: BlockList | null;
};

export type Config = {
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  authSecret: string;
  appUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** Reply-To of the agency's mails when Paramètres sets none. */
  mailReplyTo: string | null;
  outboxKey: Buffer;
  port: number;
  dataDir: string;
  production: boolean;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); empty: nobody's. */
  trustedProxies: BlockList;
  /** Delivery events (docs/decisions/022). */
  webhooks: { brevo: WebhookConfig; mailjet: WebhookConfig };
  /** The mailbox where DSN bounces arrive, polled by the workers; null: none. */
  bounceImapUrl: string | null;
};

export class ConfigError extends Error {}

/** Reads and checks the environment once; a wrong variable stops the app with a message naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const embedded = !e.DATABASE_URL;
  let authSecret = e.AUTH_SECRET;
  if (!authSecret) {
    // A local install on the embedded database needs no set-up: the secret is made once and kept.
    // A server install (DATABASE_URL) must be given one, or every instance would sign with its own.
    if (!embedded)
      throw new ConfigError(
        'Invalid configuration: AUTH_SECRET is required with DATABASE_URL (`openssl rand -base64 32`).',
      );
    authSecret = localSecret(dataDir);
  }
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    database: embedded
      ? { kind: 'pglite', dataDir: e.PGLITE_DATA_DIR ?? path.join(dataDir, 'pglite') }
      : { kind: 'postgres', url: e.DATABASE_URL! },
    authSecret,
    appUrl,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? `Trousseau <no-reply@${new URL(appUrl).hostname}>`,
    mailReplyTo: e.MAIL_REPLY_TO ?? null,
    outboxKey: e.OUTBOX_KEY ? Buffer.from(e.OUTBOX_KEY, 'base64') : deriveKey(authSecret, 'trousseau-outbox'),
    port: e.PORT,
    dataDir,
    production: e.NODE_ENV === 'production',
    trustedProxies: proxyList(e.TRUSTED_PROXIES),
    webhooks: {
      brevo: {
        secret: e.BREVO_WEBHOOK_SECRET ?? null,
        sources: sources(e.BREVO_WEBHOOK_SOURCES ?? DEFAULT_WEBHOOK_SOURCES.brevo),
      },
      mailjet: {
        secret: e.MAILJET_WEBHOOK_SECRET ?? null,
        sources: sources(e.MAILJET_WEBHOOK_SOURCES ?? DEFAULT_WEBHOOK_SOURCES.mailjet),
      },
    },
    bounceImapUrl: e.BOUNCE_IMAP_URL ?? null,
  };
}

/** "10.0.0.0/8" or "192.168.1.10" or "fd00::/8" → what BlockList takes; null when it is neither. */
function parseProxyEntry(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address, prefixText, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > max ||
    (prefixText !== undefined && !/^\d+$/.test(prefixText))
  )
    return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

function proxyList(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of value?.split(',') ?? []) {
    const parsed = parseProxyEntry(entry.trim());
    if (parsed) list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return list;
}

const sources = (value: string) => (value.trim() === 'any' ? null : proxyList(value));

function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch {
      // another process wrote it first: use theirs
    }
    return readFileSync(file, 'utf8').trim();
  }
}

function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), purpose, 32));
}

let cached: Config | undefined;
export function getConfig(): Config {
  cached ??= loadConfig();
  return cached;
}
