import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpPeer } from './smtp-peer';

describe('SMTP peer helper', () => {
  const peerPromise = startSmtpPeer();
  afterAll(async () => (await peerPromise).close());

  it('receives a real SMTP conversation, and refuses on demand', async () => {
    const peer = await peerPromise;
    const transport = nodemailer.createTransport({ url: peer.url } as never);
    await transport.sendMail({ from: 'a@test.fr', to: 'b@test.fr', subject: 'Bonjour', text: 'Clé : été' });
    const [mail] = await peer.waitFor(1);
    expect(mail.to).toEqual(['b@test.fr']);
    expect(mail.raw).toContain('Subject: Bonjour');
    peer.failWith = { code: 550, message: 'Mailbox unavailable' };
    await expect(transport.sendMail({ from: 'a@test.fr', to: 'c@test.fr', text: 'x' })).rejects.toMatchObject({
      responseCode: 550,
    });
    transport.close();
  });
});
