// DSN bounces (RFC 3464) read over IMAP from a real Dovecot (docs/decisions/022): matched to the mail by the
// Message-ID they quote, recorded once, and each message marked \Seen so it is read once.
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { imapOptions, pollBounceMailbox } from '@/server/delivery/poll-bounce-mailbox';
import { DOVECOT_BINARY, startDovecot, type Dovecot } from '../helpers/dovecot';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';
import { sentCredentialMail } from './helpers';

// Without Dovecot a laptop skips this file, saying what to install; CI installs it (.ci/run), so there it must run.
const missing = !DOVECOT_BINARY;
if (missing && process.env.CI === 'true')
  throw new Error('Dovecot is required under CI: apt-get install dovecot-imapd (see .ci/run).');
if (missing) console.warn('Skipping the DSN-over-IMAP tests: install Debian\'s "dovecot-imapd" to run them.');

let dovecot: Dovecot;
let peer: SmtpPeer;
beforeAll(async () => {
  if (missing) return;
  [dovecot, peer] = await Promise.all([startDovecot(), startSmtpPeer()]);
});
afterAll(async () => {
  await Promise.all([dovecot?.stop(), peer?.close()]);
});

const CRLF = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** A Postfix-style non-delivery report for `messageId` sent to `to`. */
function postfixDsn(id: string, messageId: string, to: string, quote: 'text/rfc822-headers' | 'message/rfc822') {
  return CRLF(`Return-Path: <>
Date: Sun, 6 Dec 2026 22:10:00 +0000
From: MAILER-DAEMON@mx.exemple.fr (Mail Delivery System)
To: bounces@agence-demo.fr
Subject: Undelivered Mail Returned to Sender
Message-ID: <${id}@mx.exemple.fr>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="8A1B2C3D4E.1733523000/mx.exemple.fr"

--8A1B2C3D4E.1733523000/mx.exemple.fr
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.exemple.fr.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<${to}>: host mail.exemple.fr[192.0.2.25] said: 550 5.1.1
    <${to}>: Recipient address rejected: User unknown

--8A1B2C3D4E.1733523000/mx.exemple.fr
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.exemple.fr
X-Postfix-Queue-ID: 8A1B2C3D4E
Arrival-Date: Sun,  6 Dec 2026 22:09:58 +0000 (UTC)

Final-Recipient: rfc822; ${to}
Original-Recipient: rfc822;${to}
Action: failed
Status: 5.1.1
Remote-MTA: dns; mail.exemple.fr
Diagnostic-Code: smtp; 550 5.1.1 <${to}>: Recipient address rejected: User
    unknown

--8A1B2C3D4E.1733523000/mx.exemple.fr
Content-Description: Undelivered Message Headers
Content-Type: ${quote}

From: Agence Demo <extranet@agence-demo.fr>
To: ${to}
Subject: Vos identifiants
Message-ID: ${messageId}
Date: Sun, 6 Dec 2026 22:09:57 +0000

--8A1B2C3D4E.1733523000/mx.exemple.fr--
`);
}

/** Runs `work` on a connection of its own to the test mailbox (a fresh one sees other sessions' flags). */
async function withMailbox<T>(work: (imap: ImapFlow) => Promise<T>): Promise<T> {
  const imap = new ImapFlow(imapOptions(dovecot.url).client);
  await imap.connect();
  try {
    return await work(imap);
  } finally {
    await imap.logout();
  }
}

const deliverToMailbox = (...messages: string[]) =>
  withMailbox(async (imap) => {
    for (const message of messages) await imap.append('INBOX', message);
  });

const unseen = () =>
  withMailbox(async (imap) => {
    const lock = await imap.getMailboxLock('INBOX');
    try {
      return ((await imap.search({ seen: false }, { uid: true })) || []).length;
    } finally {
      lock.release();
    }
  });

describe.skipIf(missing)('the bounce mailbox (BOUNCE_IMAP_URL)', () => {
  it('reads a DSN, marks the mail "Rejeté" and the address invalide, and reads each message once', async () => {
    const { mail, tiers } = await sentCredentialMail(peer);
    const to = tiers.email!;
    const dsn = postfixDsn('dsn-1', mail.messageId, to, 'text/rfc822-headers');
    const outOfOffice = CRLF(
      `From: ${to}\nTo: bounces@agence-demo.fr\nSubject: Absence\nMessage-ID: <ooo-1@exemple.fr>\n\nJe suis absente.\n`,
    );
    await deliverToMailbox(dsn, outOfOffice);
    expect(await unseen()).toBe(2);

    expect(await pollBounceMailbox(dovecot.url)).toEqual({ read: 2, events: 1, recorded: 1 });
    const bounced = await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(bounced).toMatchObject({ status: 'BOUNCED', deliveryKind: 'HARD_BOUNCE' });
    expect(bounced.deliveryDetail).toBe(`550 5.1.1 <${to}>: Recipient address rejected: User unknown`);
    expect((await db.tiers.findUniqueOrThrow({ where: { id: tiers.id } })).emailInvalidAddress).toBe(to.toLowerCase());
    expect(await db.deliveryEvent.findFirstOrThrow({ where: { outboxMailId: mail.id } })).toMatchObject({
      source: 'dsn',
      smtpStatus: '5.1.1',
      recipient: to,
    });
    // Everything was marked \Seen: the next poll reads nothing.
    expect(await unseen()).toBe(0);
    expect(await pollBounceMailbox(dovecot.url)).toEqual({ read: 0, events: 0, recorded: 0 });

    // The same DSN delivered twice (a copy left unread): read, but recorded once.
    await deliverToMailbox(dsn);
    expect(await pollBounceMailbox(dovecot.url)).toEqual({ read: 1, events: 1, recorded: 0 });
    expect(await db.deliveryEvent.count({ where: { outboxMailId: mail.id } })).toBe(1);
  });

  it('quoting the whole message (message/rfc822) works too; a delay is shown without changing "Envoyé"', async () => {
    const { mail, tiers } = await sentCredentialMail(peer);
    const delayed = postfixDsn('dsn-2', mail.messageId, tiers.email!, 'message/rfc822')
      .replace('Action: failed', 'Action: delayed')
      .replace('Status: 5.1.1', 'Status: 4.4.1');
    await deliverToMailbox(delayed);
    expect(await pollBounceMailbox(dovecot.url)).toMatchObject({ read: 1, recorded: 1 });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: 'SENT',
      deliveryKind: 'DEFERRED',
    });
  });

  it('a wrong password is an error of that poll, not of the process', async () => {
    const wrong = dovecot.url.replace(`:${dovecot.password}@`, ':mauvais-mot-de-passe@');
    await expect(pollBounceMailbox(wrong)).rejects.toThrow();
  });

  it('an abuse report (RFC 5965) is a spam complaint', async () => {
    const { mail, tiers } = await sentCredentialMail(peer);
    const arf = CRLF(`From: feedback@fbl.exemple.fr
To: bounces@agence-demo.fr
Subject: Abuse report
Message-ID: <arf-1@fbl.exemple.fr>
Date: Sun, 6 Dec 2026 22:30:00 +0000
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="ARF"

--ARF
Content-Type: text/plain

This is an email abuse report.

--ARF
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: ExempleFBL/1.0
Version: 1
Original-Rcpt-To: ${tiers.email}

--ARF
Content-Type: text/rfc822-headers

Message-ID: ${mail.messageId}
Subject: Vos identifiants

--ARF--
`);
    await deliverToMailbox(arf);
    await pollBounceMailbox(dovecot.url);
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe('COMPLAINED');
  });
});
