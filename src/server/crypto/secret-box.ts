import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { getConfig } from '@/server/config';

// AES-256-GCM for the plaintext secrets that wait sealed (the centre d'envoi's mails and letters, reset requests). Layout: iv (12) | tag (16) | ciphertext.

export function encryptSecret(plain: string, key: Buffer = getConfig().outboxKey): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptSecret(box: Uint8Array, key: Buffer = getConfig().outboxKey): string {
  const data = Buffer.from(box);
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
  decipher.setAuthTag(data.subarray(12, 28));
  return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
}
