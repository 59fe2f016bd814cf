// The relays' webhooks on the real route handlers (docs/decisions/022): their documented sample payloads, pointed at
// a mail really sent through the SMTP peer, replayed, out of order, unknown, malformed; and who may post them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as brevoPost } from '@/app/api/livraison/brevo/[[...secret]]/route';
import { POST as mailjetPost } from '@/app/api/livraison/mailjet/[[...secret]]/route';
import { getConfig, loadConfig } from '@/server/config';
import { db } from '@/server/db';
import { PEER_ADDRESS_HEADER } from '@/server/http/peer-address';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';
import { createCredentialMail } from '../factories/outbox';
import { dispatcherFor } from '../outbox/helpers';
import { sentCredentialMail, setWebhookEnv } from './helpers';

const BREVO_SECRET = 'brevo-secret-0123456789abcdef';
const MAILJET_SECRET = 'mailjet-secret-0123456789abcdef';
const BREVO_IP = '1.179.112.25'; // inside Brevo's documented webhook range 1.179.112.0/20

let peer: SmtpPeer;
beforeAll(async () => {
  peer = await startSmtpPeer();
  setWebhookEnv({ BREVO_WEBHOOK_SECRET: BREVO_SECRET, MAILJET_WEBHOOK_SECRET: MAILJET_SECRET });
});
afterAll(() => peer.close());

const basic = (password: string) => `Basic ${Buffer.from(`webhook:${password}`).toString('base64')}`;

function post(
  provider: 'brevo' | 'mailjet',
  body: unknown,
  options: { auth?: string | null; ip?: string; pathSecret?: string; headers?: Record<string, string> } = {},
) {
  const secret = provider === 'brevo' ? BREVO_SECRET : MAILJET_SECRET;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [PEER_ADDRESS_HEADER]: options.ip ?? (provider === 'brevo' ? BREVO_IP : '203.0.113.40'),
    ...options.headers,
  };
  if (options.auth !== null && options.pathSecret === undefined) headers.authorization = options.auth ?? basic(secret);
  const request = new Request(`http://localhost:3000/api/livraison/${provider}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const context = { params: Promise.resolve(options.pathSecret ? { secret: [options.pathSecret] } : {}) };
  return (provider === 'brevo' ? brevoPost : mailjetPost)(request, context);
}

/** Brevo's documented transactional event (help.brevo.com / developers.brevo.com), for our mail. */
function brevoEvent(event: string, customId: string, at: number, extra: Record<string, unknown> = {}) {
  return {
    id: 814119,
    email: 'example@gmail.com',
    'message-id': '<202305311437.85220493321@smtp-relay.mailin.fr>',
    date: '2023-05-31 16:37:07',
    tags: ['welcome'],
    tag: '["welcome"]',
    event,
    subject: 'Vos identifiants',
    sending_ip: '185.41.28.109',
    ts_event: Math.floor(at / 1000),
    ts: Math.floor(at / 1000),
    ts_epoch: at,
    'X-Mailin-custom': customId,
    ...extra,
  };
}

const GMAIL_NO_SUCH_USER =
  "550-5.1.1 The email account that you tried to reach does not exist. Please try\n   550-5.1.1 double-checking the recipient's email address for typos or\n   550-5.1.1 unnecessary spaces. Learn more at\n   550 5.1.1  https://support.google.com/mail/?p=NoSuchUser g14-20020a5d698e000000b0030aefbb8608si2668200wru.496 - gsmtp";

/** Mailjet's documented event API payloads (dev.mailjet.com/email/guides/webhooks), for our mail. */
function mailjetEvent(event: string, customId: string, time: number, extra: Record<string, unknown> = {}) {
  return {
    event,
    time,
    MessageID: 13792286917004336,
    Message_GUID: '1ab23cd4-e567-8901-2345-6789f0gh1i2j',
    email: 'bounce@mailjet.com',
    mj_campaign_id: 0,
    mj_contact_id: 0,
    customcampaign: '',
    CustomID: customId,
    Payload: '',
    ...extra,
  };
}

const journal = (mailId: string) =>
  db.auditEvent.findMany({
    where: { targetId: mailId },
    orderBy: { id: 'asc' },
    select: { type: true, details: true },
  });

describe('Brevo', () => {
  it('delivered, then a hard bounce: "Rejeté" with 5.1.1, the address marked invalide, journaled; a replay and an older event change nothing', async () => {
    const { mail, tiers, headers } = await sentCredentialMail(peer);
    const customId = headers['x-mailin-custom'];
    expect(`<${customId}>`).toBe(mail.messageId);
    const t0 = Date.now();

    const delivered = await post('brevo', brevoEvent('delivered', customId, t0 - 60_000, { email: tiers.email }));
    expect(delivered.status).toBe(200);
    expect(await delivered.json()).toEqual({ recorded: 1, duplicates: 0, unknownMails: 0, ignored: 0 });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'SENT',
      deliveryKind: 'DELIVERED',
    });

    const bounce = brevoEvent('hard_bounce', customId, t0, { email: tiers.email, reason: GMAIL_NO_SUCH_USER });
    expect(await (await post('brevo', bounce)).json()).toMatchObject({ recorded: 1 });
    const bounced = await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(bounced).toMatchObject({ status: 'BOUNCED', deliveryKind: 'HARD_BOUNCE' });
    expect(bounced.deliveryAt?.getTime()).toBe(t0);
    expect(bounced.deliveryDetail).toMatch(/^550-5\.1\.1 The email account that you tried to reach does not exist/);
    const marked = await db.tiers.findUniqueOrThrow({ where: { id: tiers.id } });
    expect(marked.emailInvalidAddress).toBe(tiers.email!.toLowerCase());
    expect(marked.emailInvalidAt?.getTime()).toBe(t0);

    // The same event posted again (Brevo retries until it gets a 200): recorded once.
    const replay = await post('brevo', bounce);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ recorded: 0, duplicates: 1, unknownMails: 0, ignored: 0 });
    // Late and out of order: a "delivered" and a "deferred" older than the bounce never undo it.
    await post('brevo', brevoEvent('delivered', customId, t0 - 1_000, { email: tiers.email }));
    await post('brevo', brevoEvent('deferred', customId, t0 + 1_000, { email: tiers.email, reason: 'greylisted' }));
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'BOUNCED',
      deliveryKind: 'HARD_BOUNCE',
      deliveryDetail: bounced.deliveryDetail,
    });
    expect(await db.deliveryEvent.count({ where: { outboxMailId: mail.id } })).toBe(4);
    const events = await journal(mail.id);
    expect(events.filter((e) => e.type === 'mail.bounced')).toEqual([
      {
        type: 'mail.bounced',
        details: expect.objectContaining({
          source: 'brevo',
          kind: 'HARD_BOUNCE',
          smtpStatus: '5.1.1',
          addressMarkedInvalid: true,
        }),
      },
    ]);
  });

  it('a spam complaint after delivery: "Signalé comme spam"; invalid_email and blocked are "Rejeté"', async () => {
    const t0 = Date.now();
    const a = await sentCredentialMail(peer);
    await post('brevo', brevoEvent('delivered', a.headers['x-mailin-custom'], t0 - 5_000));
    await post('brevo', brevoEvent('spam', a.headers['x-mailin-custom'], t0));
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: a.mail.id } })).toMatchObject({
      status: 'COMPLAINED',
      deliveryKind: 'COMPLAINED',
    });
    expect((await journal(a.mail.id)).map((e) => e.type)).toContain('mail.complained');

    const b = await sentCredentialMail(peer);
    await post(
      'brevo',
      brevoEvent('blocked', b.headers['x-mailin-custom'], t0, { reason: 'blocked : due to blacklist user' }),
    );
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: b.mail.id } })).toMatchObject({
      status: 'BOUNCED',
      deliveryKind: 'BLOCKED',
      deliveryDetail: 'blocked : due to blacklist user',
    });
    // A block says nothing about the address itself: it stays valid.
    expect((await db.tiers.findUniqueOrThrow({ where: { id: b.tiers.id } })).emailInvalidAddress).toBeNull();

    const c = await sentCredentialMail(peer);
    await post('brevo', brevoEvent('invalid_email', c.headers['x-mailin-custom'], t0, { email: c.tiers.email }));
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: c.mail.id } })).status).toBe('BOUNCED');
    expect((await db.tiers.findUniqueOrThrow({ where: { id: c.tiers.id } })).emailInvalidAddress).toBe(
      c.tiers.email!.toLowerCase(),
    );
  });

  it('a soft bounce or a deferral is shown on the row without changing "Envoyé"', async () => {
    const { mail, headers } = await sentCredentialMail(peer);
    const reason = '452 4.2.2 The email account that you tried to reach is over quota';
    await post('brevo', brevoEvent('soft_bounce', headers['x-mailin-custom'], Date.now(), { reason }));
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'SENT',
      deliveryKind: 'SOFT_BOUNCE',
      deliveryDetail: reason,
    });
  });

  it('is matched by Message-ID too, when the relay keeps ours', async () => {
    const { mail } = await sentCredentialMail(peer);
    const event = brevoEvent('hard_bounce', '', Date.now(), { 'message-id': mail.messageId });
    delete (event as Record<string, unknown>)['X-Mailin-custom'];
    expect(await (await post('brevo', event)).json()).toMatchObject({ recorded: 1 });
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe('BOUNCED');
  });

  it('accepts the documented sources only, through a trusted proxy as well', async () => {
    const { headers } = await sentCredentialMail(peer);
    const event = brevoEvent('delivered', headers['x-mailin-custom'], Date.now());
    const outside = await post('brevo', event, { ip: '198.51.100.7' });
    expect(outside.status).toBe(403);
    expect((await outside.json()).error).toMatch(/^Adresse source non autorisée : ajoutez-la à BREVO_WEBHOOK_SOURCES/);
    expect((await post('brevo', event, { ip: '172.246.241.3' })).status).toBe(200);
    // Behind a trusted reverse proxy, the address is the forwarded one (client-ip.ts).
    const config = getConfig();
    const proxies = config.trustedProxies;
    config.trustedProxies = loadConfig({ ...process.env, TRUSTED_PROXIES: '10.0.0.0/8' }).trustedProxies;
    try {
      expect((await post('brevo', event, { ip: '10.1.2.3', headers: { 'x-forwarded-for': BREVO_IP } })).status).toBe(
        200,
      );
      expect(
        (await post('brevo', event, { ip: '10.1.2.3', headers: { 'x-forwarded-for': '198.51.100.7' } })).status,
      ).toBe(403);
    } finally {
      config.trustedProxies = proxies;
    }
  });
});

describe('Mailjet', () => {
  it('a grouped post (array): sent, then a hard bounce; replayed whole, nothing more is recorded', async () => {
    const { mail, tiers, headers } = await sentCredentialMail(peer);
    const customId = headers['x-mj-customid'];
    expect(`<${customId}>`).toBe(mail.messageId);
    const time = Math.floor(Date.now() / 1000);
    const batch = [
      mailjetEvent('sent', customId, time - 30, {
        email: tiers.email,
        mj_message_id: '19421777835146490',
        smtp_reply: '250 2.0.0 OK 1433333948 fa5si855896wjc.199 - gsmtp',
      }),
      mailjetEvent('bounce', customId, time, {
        email: tiers.email,
        blocked: false,
        hard_bounce: true,
        error_related_to: 'recipient',
        error: 'user unknown',
        comment: '550 5.1.1 <x@exemple.fr>: Recipient address rejected: User unknown in local recipient table',
      }),
      mailjetEvent('open', customId, time, { ip: '127.0.0.1', geo: 'FR', agent: 'Mozilla/5.0' }),
    ];
    const first = await post('mailjet', batch);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ recorded: 2, duplicates: 0, unknownMails: 0, ignored: 1 });
    const bounced = await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(bounced).toMatchObject({ status: 'BOUNCED', deliveryKind: 'HARD_BOUNCE' });
    expect(bounced.deliveryDetail).toMatch(/^recipient – user unknown – 550 5\.1\.1/);
    expect((await db.tiers.findUniqueOrThrow({ where: { id: tiers.id } })).emailInvalidAddress).toBe(
      tiers.email!.toLowerCase(),
    );

    expect(await (await post('mailjet', batch)).json()).toEqual({
      recorded: 0,
      duplicates: 2,
      unknownMails: 0,
      ignored: 1,
    });
    expect(await db.deliveryEvent.count({ where: { outboxMailId: mail.id } })).toBe(2);
  });

  it('out of order: the bounce first, the older "sent" after; spam and blocked', async () => {
    const time = Math.floor(Date.now() / 1000);
    const a = await sentCredentialMail(peer);
    const id = a.headers['x-mj-customid'];
    await post('mailjet', mailjetEvent('bounce', id, time, { hard_bounce: true, error: 'user unknown' }));
    await post('mailjet', mailjetEvent('sent', id, time - 10));
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: a.mail.id } })).status).toBe('BOUNCED');

    const b = await sentCredentialMail(peer);
    await post('mailjet', mailjetEvent('sent', b.headers['x-mj-customid'], time - 10));
    await post('mailjet', mailjetEvent('spam', b.headers['x-mj-customid'], time, { source: 'JMRPP' }));
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: b.mail.id } })).toMatchObject({
      status: 'COMPLAINED',
      deliveryDetail: 'JMRPP',
    });

    const c = await sentCredentialMail(peer);
    await post(
      'mailjet',
      mailjetEvent('blocked', c.headers['x-mj-customid'], time, {
        error_related_to: 'recipient',
        error: 'user unknown',
      }),
    );
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: c.mail.id } })).toMatchObject({
      status: 'BOUNCED',
      deliveryKind: 'BLOCKED',
    });

    const d = await sentCredentialMail(peer);
    await post(
      'mailjet',
      mailjetEvent('bounce', d.headers['x-mj-customid'], time, { hard_bounce: false, error: 'mailbox full' }),
    );
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: d.mail.id } })).toMatchObject({
      status: 'SENT',
      deliveryKind: 'SOFT_BOUNCE',
    });
  });

  it('a bounce that comes back before the dispatcher records the send is kept', async () => {
    const made = await createCredentialMail({ review: false });
    const mail = await db.outboxMail.findUniqueOrThrow({ where: { id: made.mail.id } });
    expect(mail.status).toBe('SENDING');
    const time = Math.floor(Date.now() / 1000);
    const customId = mail.messageId.slice(1, -1);
    expect(
      await (await post('mailjet', mailjetEvent('bounce', customId, time, { hard_bounce: true }))).json(),
    ).toMatchObject({
      recorded: 1,
    });
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe('SENDING');
    const dispatcher = dispatcherFor(peer.url);
    await dispatcher.drain();
    await dispatcher.stop();
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe('BOUNCED');
  });
});

describe('what the endpoints refuse', () => {
  it('without the secret: 401 (basic auth or bearer), or the secret as the last URL segment', async () => {
    const { headers } = await sentCredentialMail(peer);
    const event = mailjetEvent('sent', headers['x-mj-customid'], Math.floor(Date.now() / 1000));
    const none = await post('mailjet', event, { auth: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await post('mailjet', event, { auth: basic('wrong-secret-0123456789abcdef') })).status).toBe(401);
    expect((await post('mailjet', event, { pathSecret: 'wrong' })).status).toBe(401);
    expect((await post('mailjet', event, { pathSecret: MAILJET_SECRET })).status).toBe(200);
    expect(
      (await post('brevo', brevoEvent('delivered', 'x@y', Date.now()), { auth: `Bearer ${BREVO_SECRET}` })).status,
    ).toBe(200);
  });

  it('a webhook without its secret configured is off: 404 naming the variable', async () => {
    setWebhookEnv({ MAILJET_WEBHOOK_SECRET: '' });
    try {
      const response = await post('mailjet', mailjetEvent('sent', 'a@b', 1));
      expect(response.status).toBe(404);
      expect((await response.json()).error).toMatch(/MAILJET_WEBHOOK_SECRET/);
    } finally {
      setWebhookEnv({ BREVO_WEBHOOK_SECRET: BREVO_SECRET, MAILJET_WEBHOOK_SECRET: MAILJET_SECRET });
    }
  });

  it('a bad payload is a 400 with a short reason; unknown events and unknown mails are a harmless 200', async () => {
    for (const [provider, body] of [
      ['brevo', '{not json'],
      ['brevo', '"text"'],
      ['brevo', []],
      ['brevo', { hello: 'world' }],
      ['mailjet', { event: 'sent' }],
      ['mailjet', [1, 2, 3]],
      ['mailjet', null],
      ['mailjet', { event: 'bounce', time: 1e20, CustomID: 'a@b' }],
      ['brevo', { event: 'hard_bounce', 'message-id': '<a@b>', ts_epoch: -5 }],
    ] as const) {
      const response = await post(provider, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error).toMatch(/^(Corps illisible|Événement (Brevo|Mailjet) illisible|Envoyez)/);
    }
    const unknownType = await post('brevo', brevoEvent('unique_opened', 'x@y', Date.now()));
    expect(await unknownType.json()).toEqual({ recorded: 0, duplicates: 0, unknownMails: 0, ignored: 1 });
    const unknownMail = await post(
      'mailjet',
      mailjetEvent('bounce', 'nobody@nowhere.example', 1_700_000_000, { hard_bounce: true }),
    );
    expect(unknownMail.status).toBe(200);
    expect(await unknownMail.json()).toEqual({ recorded: 0, duplicates: 0, unknownMails: 1, ignored: 0 });
  });

  it('the configuration is checked at start', () => {
    expect(() => loadConfig({ BREVO_WEBHOOK_SECRET: 'short' })).toThrow(/BREVO_WEBHOOK_SECRET: must be at least 24/);
    expect(() => loadConfig({ MAILJET_WEBHOOK_SOURCES: 'mailjet.com' })).toThrow(/MAILJET_WEBHOOK_SOURCES/);
    expect(() => loadConfig({ BOUNCE_IMAP_URL: 'pop3://x' })).toThrow(/BOUNCE_IMAP_URL/);
    expect(loadConfig({ BREVO_WEBHOOK_SOURCES: 'any' }).webhooks.brevo.sources).toBeNull();
    expect(loadConfig({}).webhooks.mailjet.sources).toBeNull();
    expect(loadConfig({}).webhooks.brevo.sources?.check('1.179.127.255', 'ipv4')).toBe(true);
  });
});
