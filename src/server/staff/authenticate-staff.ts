import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import { db } from '@/server/db';
import { guardedSignIn, type LockNotice, type SignInRequest, type SignInResult } from '@/server/session/sign-in';
import { queueStaffMail } from './staff-mail';
import { formatLongDateTime } from '@/shared/dates';

/** Checks a staff e-mail and password through the guarded sign-in (the extranet's throttle); a right pair opens a session. */
export function authenticateStaff(request: SignInRequest): Promise<SignInResult> {
  return guardedSignIn('STAFF', request, journalStaffLock);
}

/** A staff lock is journaled; an ADMIN whose own account gets locked is told by mail (someone may be guessing). */
const journalStaffLock: LockNotice = async (person, lock) => {
  await db.$transaction(async (tx) => {
    await recordEvent(
      tx,
      { type: 'SYSTEM' },
      {
        type: 'staff.locked',
        targetId: person.id,
        details: { until: lock.until.toISOString(), failures: lock.failures, ip: lock.ip },
      },
    );
    if (person.role !== 'ADMIN') return;
    const admin = await tx.staffUser.findUniqueOrThrow({
      where: { id: person.id },
      select: { email: true, name: true },
    });
    await queueStaffMail(tx, {
      staffId: person.id,
      to: admin.email,
      toName: admin.name,
      subject: 'Votre compte Trousseau est verrouillé temporairement',
      paragraphs: [
        `Bonjour ${admin.name},`,
        `Après ${lock.failures} mots de passe erronés, la connexion à votre compte administrateur est bloquée jusqu'au ${formatLongDateTime(lock.until)}${lock.ip ? ` (dernière tentative depuis l'adresse ${lock.ip})` : ''}.`,
        "Si ce n'était pas vous, quelqu'un essaie peut-être de deviner votre mot de passe : changez-le dès que possible et regardez le journal. Un autre administrateur peut aussi lever le blocage dans Paramètres → Équipe (« Déverrouiller »).",
      ],
    });
  });
};
