import 'server-only';
import { randomInt } from 'node:crypto';

// Upper and lower case and digits without the look-alikes (0/O/o, 1/l/I/i): typed from a letter, read on a phone.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 12 characters in three groups ("Kp7m-x3Rt-Q9wz"): about 69 bits, and easy to copy. */
export function temporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
