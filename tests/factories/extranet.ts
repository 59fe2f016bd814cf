// Extranet test data: accounts with a password, links, documents stored through the real storage.
import { randomBytes } from 'node:crypto';
import type { AccountStatus, DocumentCategory, TiersKind, VerificationType } from '@/generated/prisma/enums';
import { hashPassword } from '@/server/session/password';
import { db } from '@/server/db';
import { getDocumentStorage } from '@/server/documents/storage';
import type { ExtranetActor } from '@/server/extranet/session-validity';
import { newToken } from '@/server/crypto/token';
import { openSession } from '@/server/session/sessions';
import { displayName } from '@/shared/tiers/names';
import { createTiers } from './index';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const suffix = () => Array.from(randomBytes(4), (b) => ALPHABET[b % ALPHABET.length]).join('');

export const GOOD_PASSWORD = 'Pivoine-Marmotte-Cerf-Volant-17';

export async function createExtranetAccount(
  options: {
    kind?: TiersKind;
    tiersId?: string;
    password?: string | null;
    temporary?: boolean;
    expiresAt?: Date | null;
    status?: AccountStatus;
    lastName?: string;
    email?: string | null;
  } = {},
) {
  const tiers = options.tiersId
    ? await db.tiers.findUniqueOrThrow({ where: { id: options.tiersId } })
    : await createTiers({ kind: options.kind ?? 'LOCATAIRE', lastName: options.lastName, email: options.email });
  const login = `${
    tiers.lastName
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .slice(0, 12) || 'compte'
  }.${suffix()}`;
  const password = options.password === undefined ? GOOD_PASSWORD : options.password;
  const temporary = options.temporary ?? false;
  const account = await db.extranetAccount.create({
    data: {
      tiersId: tiers.id,
      login,
      status: options.status ?? 'ENROLLED',
      mustChangePassword: temporary,
      ...(password !== null && {
        password: {
          create: {
            hash: await hashPassword(password),
            isTemporary: temporary,
            expiresAt:
              options.expiresAt !== undefined
                ? options.expiresAt
                : temporary
                  ? new Date(Date.now() + 7 * 86_400_000)
                  : null,
          },
        },
      }),
    },
  });
  return { account, tiers, login, password: password ?? '' };
}

/** The actor a page or action would get for a fresh session of this account, with that session's cookie token. */
export async function signedInActor(accountId: string): Promise<ExtranetActor & { token: string }> {
  const account = await db.extranetAccount.findUniqueOrThrow({ where: { id: accountId }, include: { tiers: true } });
  const session = await openSession(db, {
    accountId,
    credentialVersion: account.credentialVersion,
    ip: null,
    userAgent: null,
  });
  return {
    accountId,
    sessionId: session.id,
    tiersId: account.tiersId,
    login: account.login,
    kind: account.tiers.kind,
    name: displayName(account.tiers),
    mustChangePassword: account.mustChangePassword,
    token: session.token,
  };
}

/** A link token for the account, as the access desk or the reset request would create it. */
export async function createVerification(
  accountId: string,
  type: VerificationType = 'PASSWORD_RESET',
  expiresAt = new Date(Date.now() + 30 * 60_000),
) {
  const { token, tokenHash } = newToken();
  await db.verification.upsert({
    where: { type_accountId: { type, accountId } },
    create: { type, accountId, tokenHash, expiresAt },
    update: { tokenHash, expiresAt, usedAt: null },
  });
  return token;
}

export async function createDocument(options: {
  tiersId?: string;
  leaseId?: string;
  propertyId?: string;
  category?: DocumentCategory;
  visible?: boolean;
  title?: string;
  content?: string;
}) {
  const content = Buffer.from(options.content ?? `%PDF-1.4 document ${suffix()}`);
  const storageKey = await getDocumentStorage().put(content, 'document.pdf');
  return db.document.create({
    data: {
      title: options.title ?? `Document ${suffix()}`,
      category: options.category ?? 'QUITTANCE',
      fileName: 'document.pdf',
      mimeType: 'application/pdf',
      sizeBytes: content.length,
      sha256: 'test',
      storageKey,
      visibleOnExtranet: options.visible ?? true,
      tiersId: options.tiersId ?? null,
      leaseId: options.leaseId ?? null,
      propertyId: options.propertyId ?? null,
    },
  });
}
