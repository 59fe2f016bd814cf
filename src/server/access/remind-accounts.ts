import 'server-only';
import { recordEvents, type Actor } from '@/server/journal/record-event';
import { db, type Tx } from '@/server/db';
import { UserError } from '@/server/errors';
import { loadAgency, mailRenderer } from '@/server/mail/render-mail';
import { enqueueMails } from '@/server/outbox/enqueue-mail';
import { nudgeDispatcher } from '@/server/outbox/in-app-dispatcher';
import { generateCredentials, type StaffAuditActor } from './generate-credentials';
import { loadSelection } from './selection';
import { countLabel } from '@/shared/plural';

/** Where a never-activated person stands: their credentials still usable until `expiresAt`, or expired. */
type Standing = {
  tiersId: string;
  accountId: string;
  login: string;
  kind: 'LOCATAIRE' | 'PROPRIETAIRE';
  civility: string | null;
  firstName: string | null;
  lastName: string;
  companyName: string | null;
  email: string | null;
  name: string;
  credentialVersion: number;
  expiresAt: Date | null;
};

/**
 * The accounts a reminder may go to: enrolled, credentials generated for this enrolment, never signed in since nor
 * chose a password, with when their temporary password or activation link expires (null: nothing usable).
 */
export async function reminderStanding(tx: Tx, accountIds: string[]) {
  const accounts = await tx.extranetAccount.findMany({
    where: { id: { in: accountIds } },
    select: {
      id: true,
      status: true,
      enrolledAt: true,
      lastLoginAt: true,
      credentialsGeneratedAt: true,
      credentialVersion: true,
      password: { select: { isTemporary: true, expiresAt: true } },
      verifications: { where: { type: 'ACTIVATION', usedAt: null }, select: { expiresAt: true } },
    },
  });
  return new Map(
    accounts.map((a) => {
      const active =
        (a.lastLoginAt !== null && a.lastLoginAt >= a.enrolledAt) || (a.password !== null && !a.password.isTemporary);
      const expiresAt = a.password?.isTemporary ? a.password.expiresAt : (a.verifications[0]?.expiresAt ?? null);
      return [
        a.id,
        {
          enrolled: a.status === 'ENROLLED',
          active,
          sent: a.credentialsGeneratedAt !== null && a.credentialsGeneratedAt >= a.enrolledAt,
          credentialVersion: a.credentialVersion,
          expiresAt,
        },
      ];
    }),
  );
}

/** Queues one reminder per person (no secret in it: the credentials they hold still work until `expiresAt`). */
export async function enqueueReminders(tx: Tx, actor: Actor, people: Standing[], review: boolean): Promise<string[]> {
  if (!people.length) return [];
  const agency = await loadAgency(tx);
  const rendered = await Promise.all(
    people.map((p) =>
      mailRenderer(tx, { type: 'REMINDER', expiresAt: p.expiresAt, agency })(p, p.login).then((content) => ({
        p,
        content,
      })),
    ),
  );
  const ids = await enqueueMails(
    tx,
    rendered.map(({ p, content }) => ({
      type: 'REMINDER' as const,
      review,
      accountId: p.accountId,
      tiersId: p.tiersId,
      to: p.email!,
      toName: p.name,
      content,
      credentialVersion: p.credentialVersion,
      createdById: actor.type === 'STAFF' ? actor.staffId : null,
    })),
  );
  await recordEvents(
    tx,
    actor,
    people.map((p, k) => ({
      type: 'access.reminder_queued',
      tiersId: p.tiersId,
      targetId: ids[k],
      details: { expiresAt: p.expiresAt?.toISOString() ?? null, review },
    })),
  );
  return ids;
}

/**
 * "Relancer" on the selection (docs/decisions/027): for each never-activated person, a reminder while their temporary
 * password (or link) is valid, new credentials once it expired, both through the centre d'envoi ("À vérifier").
 * Refused as a whole, nothing queued, when anyone selected is désinscrit, not enrolled, already active, has never
 * been sent credentials, or has no e-mail address.
 */
export async function remindAccounts(actor: StaffAuditActor, tiersIds: string[], now = new Date()) {
  const people = await loadSelection(db, tiersIds);
  const standing = await reminderStanding(
    db,
    people.flatMap((p) => (p.account ? [p.account.id] : [])),
  );
  const problems: string[] = [];
  const reminders: Standing[] = [];
  const renew: string[] = [];
  for (const p of people) {
    const s = p.account && standing.get(p.account.id);
    if (!p.account || !s) problems.push(`${p.name} n'est pas inscrit(e) : il n'y a rien à relancer.`);
    else if (!s.enrolled) problems.push(`${p.name} est désinscrit(e) : aucune relance ne lui est envoyée.`);
    else if (s.active) problems.push(`${p.name} s'est déjà connecté(e) : pas besoin de relance.`);
    else if (!s.sent)
      problems.push(
        `${p.name} n'a pas encore reçu d'identifiants : générez-les avec l'enveloppe plutôt que de relancer.`,
      );
    else if (!p.email)
      problems.push(
        `${p.name} n'a pas d'adresse e-mail : une relance ne peut pas partir ; générez-lui une lettre d'identifiants.`,
      );
    else if (s.expiresAt && s.expiresAt > now)
      reminders.push({
        ...p,
        tiersId: p.id,
        accountId: p.account.id,
        login: p.account.login,
        credentialVersion: s.credentialVersion,
        expiresAt: s.expiresAt,
      });
    else renew.push(p.id);
  }
  if (problems.length) {
    const shown = problems.slice(0, 5).join(' ');
    const more = problems.length > 5 ? ` Et ${problems.length - 5} autre(s) : retirez-les de la sélection.` : '';
    throw new UserError(`Aucune relance n'a été faite. ${shown}${more}`);
  }
  if (reminders.length)
    await db.$transaction(async (tx) => {
      // Checked again under the transaction: someone who signed in or was désinscrit meanwhile gets nothing.
      const again = await reminderStanding(
        tx,
        reminders.map((r) => r.accountId),
      );
      const still = reminders.filter((r) => {
        const s = again.get(r.accountId);
        return s?.enrolled && !s.active && s.credentialVersion === r.credentialVersion;
      });
      if (still.length !== reminders.length)
        throw new UserError(
          "La situation de certaines personnes a changé pendant l'opération : rechargez la page et réessayez.",
        );
      await enqueueReminders(tx, actor, reminders, true);
    });
  const parts: string[] = [];
  if (reminders.length)
    parts.push(
      `${countLabel(reminders.length, 'relance préparée', 'relances préparées')} (mot de passe provisoire encore valable) : ${reminders.length > 1 ? 'elles attendent' : 'elle attend'} votre vérification (« À vérifier ») dans le Centre d'envoi.`,
    );
  let jobId: string | undefined;
  if (renew.length) {
    const result = await generateCredentials(actor, renew);
    jobId = result.jobId;
    parts.push(
      `Identifiants expirés pour ${countLabel(renew.length, 'personne', 'personnes')} : de nouveaux identifiants sont générés. ${result.message}`,
    );
  }
  nudgeDispatcher();
  return { message: parts.join(' '), jobId };
}
