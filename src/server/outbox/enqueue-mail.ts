import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import type { MailType } from '@/generated/prisma/enums';
import { getConfig } from '@/server/config';
import type { Tx } from '@/server/db';
import type { RenderedMail } from '@/server/mail/render-mail';
import { encryptSecret } from '@/server/crypto/secret-box';

export type EnqueueInput = {
  type: MailType;
  /** Credential mails wait for staff review ("À vérifier"); automatic mails go straight to sending. */
  review: boolean;
  accountId: string | null;
  tiersId: string | null;
  to: string;
  toName: string | null;
  content: RenderedMail;
  secret?: { plain: string; createdAt: Date; expiresAt: Date | null };
  /** Credential mails: the account's credential version they carry; the dispatcher sends them only while current. */
  credentialVersion?: number;
  createdById?: string | null;
  /** A letter to print (status "À imprimer") instead of a mail; `to` is then the postal address on one line. */
  letter?: Prisma.InputJsonValue;
};

/** Writes one mail into the centre d'envoi. Call it inside the transaction of the change that causes it. */
export async function enqueueMail(tx: Tx, input: EnqueueInput): Promise<{ id: string }> {
  const [id] = await enqueueMails(tx, [input]);
  return { id };
}

/** Writes several mails in one statement (an envelope for many people); returns their ids in input order. */
export async function enqueueMails(tx: Tx, inputs: EnqueueInput[]): Promise<string[]> {
  const host = new URL(getConfig().appUrl).hostname;
  const now = new Date();
  const rows = inputs.map((input) => {
    const id = randomUUID();
    return {
      id,
      type: input.type,
      status: input.letter ? ('TO_PRINT' as const) : input.review ? ('PENDING_REVIEW' as const) : ('SENDING' as const),
      nextAttemptAt: input.review || input.letter ? null : now,
      channel: input.letter ? ('LETTER' as const) : ('EMAIL' as const),
      letter: input.letter,
      accountId: input.accountId,
      tiersId: input.tiersId,
      toAddress: input.to,
      toName: input.toName,
      subject: input.content.subject,
      html: input.content.html,
      text: input.content.text,
      secretCiphertext: input.secret ? new Uint8Array(encryptSecret(input.secret.plain)) : null,
      secretCreatedAt: input.secret?.createdAt ?? null,
      secretExpiresAt: input.secret?.expiresAt ?? null,
      credentialVersion: input.credentialVersion ?? null,
      messageId: `<${id}@${host}>`,
      createdById: input.createdById ?? null,
    };
  });
  if (rows.length) await tx.outboxMail.createMany({ data: rows });
  return rows.map((r) => r.id);
}
