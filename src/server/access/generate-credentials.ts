import 'server-only';
import { availableParallelism } from 'node:os';
import type { MailChannel, MailType } from '@/generated/prisma/enums';
import { recordEvents, type Actor } from '@/server/journal/record-event';
import { hashPassword } from '@/server/session/password';
import { appLink } from '@/server/http/app-link';
import { db, type Tx } from '@/server/db';
import { NotFoundError, UserError } from '@/server/errors';
import { interruptedWhere, startHeartbeat } from '@/server/jobs/heartbeat';
import { loadAgency, mailRenderer, type RenderedMail } from '@/server/mail/render-mail';
import { enqueueMails } from '@/server/outbox/enqueue-mail';
import { passwordLink, revokeAccountTokens } from './verification-token';
import { revokeAccountsSessions } from '@/server/session/sessions';
import { newToken } from '@/server/crypto/token';
import { getCredentialSettings } from '@/server/settings/get-settings';
import type { CredentialSettings } from '@/shared/settings/credential-settings';
import { buildLetter, letterBodies, type LetterContent } from '@/server/letters/letter-content';
import { letterRecipients } from '@/server/letters/letter-recipients';
import { boundedPipeline } from './bounded-pipeline';
import { temporaryPassword } from './secrets';
import { loadSelection, SELECTION_CHANGED, type SelectedPerson } from './selection';
import { countLabel } from '@/shared/plural';
import { REMINDER_MAIL_TYPES } from './unsent-mails';
import { retireUnsentMails } from '@/server/outbox/withdraw-unsent-mails';
import { CREDENTIAL_MAIL_TYPES } from '@/server/outbox/mail-kinds';

export type StaffAuditActor = Extract<Actor, { type: 'STAFF' }>;

/** Up to this many people the envelope answers at once; beyond, the work becomes a BulkJob with progress. */
export const SYNC_LIMIT = 5;
export const CREDENTIALS_JOB_TYPE = 'access.credentials';
const BATCH_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `to` is the e-mail address, or for a letter the postal address on one line (`recipient` holds its lines). */
type Eligible = SelectedPerson & {
  account: { id: string; login: string; status: 'ENROLLED' };
  to: string;
  recipient: string[] | null;
};

/** EMAIL: the envelope's mail. LETTER: "La lettre d'identifiants", printed from the centre d'envoi (decision 025). */
export type CredentialsChannel = MailChannel;

/** A person's new credentials, ready to be written: the plaintext only travels to enqueueMail, which encrypts it. */
type Prepared = {
  person: Eligible;
  mailType: MailType;
  secret: string;
  passwordHash: string | null;
  tokenHash: string | null;
  expiresAt: Date;
  content: RenderedMail;
  letter: LetterContent | null;
};

export type CredentialsResult = { message: string; jobId?: string };

/**
 * The blue envelope: fresh credentials for every selected person, by the agency's delivery mode, each with one
 * credential mail "À vérifier" written in the same transaction as the hash. Refused as a whole (nothing changes)
 * if anyone selected is not enrolled or has no e-mail address. Beyond SYNC_LIMIT people it runs as a BulkJob.
 */
export async function generateCredentials(
  actor: StaffAuditActor,
  tiersIds: string[],
  channel: CredentialsChannel = 'EMAIL',
): Promise<CredentialsResult> {
  const people = checkEligible(await withRecipients(await loadSelection(db, tiersIds), channel), channel);
  if (people.length <= SYNC_LIMIT) {
    const { generated, replaced } = await generateFor(actor, people, null, channel);
    return { message: generatedMessage(generated, replaced, 0, channel) };
  }
  const job = await db.bulkJob.create({
    data: {
      type: CREDENTIALS_JOB_TYPE,
      total: people.length,
      createdById: actor.staffId,
      input: { tiersIds: people.map((p) => p.id), channel },
      heartbeatAt: new Date(),
    },
    select: { id: true },
  });
  runJob(actor, people, job.id, channel);
  return {
    message: `Génération des identifiants lancée pour ${countLabel(people.length, 'personne', 'personnes')} : suivez la progression ici, vous pouvez quitter la page et revenir.`,
    jobId: job.id,
  };
}

/**
 * "Relancer" on an interrupted job (its process died: no heartbeat): finishes the people of the selection who have
 * not had their credentials generated since the job started; those whose access changed meanwhile are counted as not
 * treated. Taking the job over is one guarded update, so two clicks cannot both relaunch it.
 */
export async function resumeCredentialsJob(actor: StaffAuditActor, jobId: string): Promise<CredentialsResult> {
  const job = await db.bulkJob.findFirst({
    where: { id: jobId, createdById: actor.staffId, type: CREDENTIALS_JOB_TYPE },
    select: { input: true, createdAt: true },
  });
  if (!job) throw new NotFoundError('job');
  const { count } = await db.bulkJob.updateMany({
    where: { id: jobId, ...interruptedWhere() },
    data: { heartbeatAt: new Date() },
  });
  if (!count)
    throw new UserError('Cette génération n’est pas interrompue : rechargez la page pour voir où elle en est.');
  const input = job.input as { tiersIds?: string[]; channel?: CredentialsChannel } | null;
  const tiersIds = input?.tiersIds ?? [];
  const channel = input?.channel ?? 'EMAIL';
  const done = await db.extranetAccount.findMany({
    where: { tiersId: { in: tiersIds }, credentialsGeneratedAt: { gte: job.createdAt } },
    select: { tiersId: true },
  });
  const doneIds = new Set(done.map((a) => a.tiersId));
  const left = await withRecipients(
    (await loadSelection(db, tiersIds)).filter((p) => !doneIds.has(p.id)),
    channel,
  );
  const eligible = left.filter((p) => p.account?.status === 'ENROLLED' && p.to) as Eligible[];
  const notTreated = left.length - eligible.length;
  if (notTreated) await db.bulkJob.update({ where: { id: jobId }, data: { failed: { increment: notTreated } } });
  runJob(actor, eligible, jobId, channel);
  return {
    message: `Génération relancée pour ${countLabel(eligible.length, 'personne restante', 'personnes restantes')} : suivez la progression ici.`,
    jobId,
  };
}

/** Runs detached from the request; its progress, heartbeat and outcome live in the BulkJob row. */
function runJob(actor: StaffAuditActor, people: Eligible[], jobId: string, channel: CredentialsChannel): void {
  const stopHeartbeat = startHeartbeat(jobId);
  void generateFor(actor, people, jobId, channel)
    .then(async ({ replaced, skipped }) => {
      const job = await db.bulkJob.findUniqueOrThrow({ where: { id: jobId }, select: { done: true, failed: true } });
      await db.bulkJob.update({
        where: { id: jobId },
        data: {
          status: 'DONE',
          finishedAt: new Date(),
          result: { message: generatedMessage(job.done, replaced, job.failed, channel), skipped },
        },
      });
    })
    .catch(async (error: unknown) => {
      // Only the error's kind: a driver error can quote the statement's values, and those hold hashes.
      console.error(
        `[job ${CREDENTIALS_JOB_TYPE} ${jobId}] failed:`,
        error instanceof Error ? `${error.name} ${(error as { code?: string }).code ?? ''}` : typeof error,
      );
      await db.bulkJob
        .update({
          where: { id: jobId },
          data: {
            status: 'FAILED',
            finishedAt: new Date(),
            result: {
              message:
                'La génération a échoué en cours de route : les mails déjà générés sont dans le Centre d’envoi ; relancez l’enveloppe pour les autres.',
            },
          },
        })
        .catch(() => undefined);
    })
    .finally(stopHeartbeat);
}

/** Where each person's credentials go: their e-mail address, or for a letter their postal address. */
async function withRecipients(people: SelectedPerson[], channel: CredentialsChannel) {
  if (channel === 'EMAIL') return people.map((p) => ({ ...p, to: p.email, recipient: null }));
  const addresses = await letterRecipients(db, people);
  return people.map((p) => {
    const recipient = addresses.get(p.id) ?? null;
    return { ...p, recipient, to: recipient && recipient.slice(1).join(', ') };
  });
}

function checkEligible(people: (SelectedPerson & { to: string | null })[], channel: CredentialsChannel): Eligible[] {
  const problems: string[] = [];
  for (const p of people) {
    if (!p.account) problems.push(`${p.name} n'est pas inscrit(e) : cliquez d'abord sur « Inscrire ».`);
    else if (p.account.status !== 'ENROLLED')
      problems.push(`${p.name} est désinscrit(e) : cliquez d'abord sur « Inscrire ».`);
    else if (!p.to && channel === 'EMAIL')
      problems.push(
        `${p.name} n'a pas d'adresse e-mail : ajoutez-la dans [sa fiche tiers](/gestion/tiers/${p.id}), puis générez le mail d'identifiants, ou envoyez-lui plutôt une lettre d'identifiants (« Générer la lettre d'identifiants »).`,
      );
    else if (!p.to)
      problems.push(
        `${p.name} n'a pas d'adresse postale complète (adresse, code postal, ville) : ajoutez-la dans [sa fiche tiers](/gestion/tiers/${p.id}), puis générez la lettre.`,
      );
  }
  if (problems.length) {
    const shown = problems.slice(0, 5).join(' ');
    const more =
      problems.length > 5
        ? ` Et ${problems.length - 5} autre(s) personne(s) dans le même cas : retirez-les de la sélection.`
        : '';
    throw new UserError(
      `${channel === 'LETTER' ? "Aucune lettre d'identifiants n'a été générée." : "Aucun mail d'identifiants n'a été généré."} ${shown}${more}`,
    );
  }
  return people as Eligible[];
}

async function generateFor(
  actor: StaffAuditActor,
  people: Eligible[],
  jobId: string | null,
  channel: CredentialsChannel,
) {
  const [settings, agency] = await Promise.all([getCredentialSettings(db), loadAgency(db)]);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + settings.temporaryPasswordDays * DAY_MS);
  const mailType: MailType = settings.deliveryMode === 'ACTIVATION_LINK' ? 'ACTIVATION_LINK' : 'CREDENTIALS';
  const render = mailRenderer(db, { type: mailType, expiresAt, agency });
  let generated = 0;
  let replaced = 0;
  const skipped: { tiersId: string; name: string }[] = [];
  // Hashes run on libuv's pool (4 threads unless UV_THREADPOOL_SIZE says otherwise): one more in flight than
  // cores keeps the cores busy while the main thread renders a mail.
  const concurrency = Math.min(availableParallelism() + 1, Number(process.env.UV_THREADPOOL_SIZE) || 4);
  await boundedPipeline(
    people,
    { concurrency, batchSize: jobId ? BATCH_SIZE : people.length },
    (person) =>
      channel === 'LETTER'
        ? prepareLetter(person, mailType, expiresAt, agency)
        : prepare(render, person, mailType, expiresAt),
    async (batch) => {
      await db.$transaction(
        async (tx) => {
          const outcome = await writeBatch(tx, actor, settings, batch, now);
          if (outcome.skipped.length && !jobId) throw new UserError(SELECTION_CHANGED);
          skipped.push(...outcome.skipped.map((p) => ({ tiersId: p.id, name: p.name })));
          generated += outcome.done;
          replaced += outcome.replaced;
          if (jobId)
            await tx.bulkJob.update({
              where: { id: jobId },
              data: {
                done: { increment: outcome.done },
                failed: { increment: outcome.skipped.length },
                heartbeatAt: new Date(),
              },
            });
        },
        { timeout: 60_000 },
      );
    },
  );
  return { generated, replaced, skipped };
}

async function prepare(
  render: ReturnType<typeof mailRenderer>,
  person: Eligible,
  mailType: MailType,
  expiresAt: Date,
): Promise<Prepared> {
  const contentPromise = render(person, person.account.login);
  if (mailType === 'ACTIVATION_LINK') {
    const { token, tokenHash } = newToken();
    const secret = passwordLink(token);
    return {
      person,
      mailType,
      secret,
      passwordHash: null,
      tokenHash,
      expiresAt,
      content: await contentPromise,
      letter: null,
    };
  }
  const secret = temporaryPassword();
  const [passwordHash, content] = await Promise.all([hashPassword(secret), contentPromise]);
  return { person, mailType, secret, passwordHash, tokenHash: null, expiresAt, content, letter: null };
}

/** The same secrets as the mail's, laid out as a letter (decision 025). */
async function prepareLetter(
  person: Eligible,
  mailType: MailType,
  expiresAt: Date,
  agency: Awaited<ReturnType<typeof loadAgency>>,
): Promise<Prepared> {
  const letter = buildLetter({
    mode: mailType === 'ACTIVATION_LINK' ? 'ACTIVATION_LINK' : 'CREDENTIALS',
    person,
    recipient: person.recipient!,
    login: person.account.login,
    expiresAt,
    agency,
    loginUrl: appLink('/extranet/connexion'),
  });
  const content = letterBodies(letter);
  if (mailType === 'ACTIVATION_LINK') {
    const { token, tokenHash } = newToken();
    const secret = passwordLink(token);
    return { person, mailType, secret, passwordHash: null, tokenHash, expiresAt, content, letter };
  }
  const secret = temporaryPassword();
  return {
    person,
    mailType,
    secret,
    passwordHash: await hashPassword(secret),
    tokenHash: null,
    expiresAt,
    content,
    letter,
  };
}

/**
 * Writes a batch in set-based statements, one per table, mails (enqueueMails encrypts each secret) and journal
 * events included: per-row statements cost more than the hash they follow.
 */
async function writeBatch(tx: Tx, actor: StaffAuditActor, settings: CredentialSettings, batch: Prepared[], now: Date) {
  const temporary = settings.deliveryMode === 'TEMPORARY_PASSWORD';
  // Scoped to enrolled accounts: a Désinscrire that won the race leaves those people untouched (and skipped).
  const stillEnrolled = new Set(
    (
      await tx.extranetAccount.findMany({
        where: { id: { in: batch.map((i) => i.person.account.id) }, status: 'ENROLLED' },
        select: { id: true },
      })
    ).map((a) => a.id),
  );
  const items = batch.filter((i) => stillEnrolled.has(i.person.account.id));
  const skipped = batch.filter((i) => !stillEnrolled.has(i.person.account.id)).map((i) => i.person);
  if (!items.length) return { done: 0, replaced: 0, skipped };
  const accountIds = items.map((i) => i.person.account.id);
  const { count } = await tx.extranetAccount.updateMany({
    where: { id: { in: accountIds }, status: 'ENROLLED' },
    data: {
      credentialVersion: { increment: 1 },
      credentialsGeneratedAt: now,
      credentialsGeneratedById: actor.staffId,
      mustChangePassword: temporary,
    },
  });
  if (count !== items.length) throw new UserError(SELECTION_CHANGED);
  await tx.extranetPassword.deleteMany({ where: { accountId: { in: accountIds } } });
  await revokeAccountTokens(tx, accountIds, actor, 'new_credentials');
  await revokeAccountsSessions(tx, accountIds, 'credentials');
  if (temporary) {
    await tx.extranetPassword.createMany({
      data: items.map((i) => ({
        accountId: i.person.account.id,
        hash: i.passwordHash!,
        isTemporary: true,
        expiresAt: i.expiresAt,
      })),
    });
  } else {
    await tx.verification.createMany({
      data: items.map((i) => ({
        type: 'ACTIVATION' as const,
        accountId: i.person.account.id,
        tokenHash: i.tokenHash!,
        expiresAt: i.expiresAt,
        createdAt: now,
      })),
    });
  }
  // The old credentials are dead: their unsent mails must not leave, whatever their status.
  const previous = await retireUnsentMails(
    tx,
    accountIds,
    [...CREDENTIAL_MAIL_TYPES, ...REMINDER_MAIL_TYPES],
    'REPLACED',
  );
  // The dispatcher sends a credential mail only while the account still has the version it was made for.
  const versions = new Map(
    (
      await tx.extranetAccount.findMany({
        where: { id: { in: accountIds } },
        select: { id: true, credentialVersion: true },
      })
    ).map((a) => [a.id, a.credentialVersion]),
  );
  const mailIds = await enqueueMails(
    tx,
    items.map(({ person, ...item }) => ({
      type: item.mailType,
      review: true,
      accountId: person.account.id,
      tiersId: person.id,
      to: person.to,
      toName: person.name,
      content: item.content,
      secret: { plain: item.secret, createdAt: now, expiresAt: item.expiresAt },
      credentialVersion: versions.get(person.account.id)!,
      createdById: actor.staffId,
      ...(item.letter ? { letter: item.letter } : {}),
    })),
  );
  await recordEvents(
    tx,
    actor,
    items.map(({ person, expiresAt }, k) => ({
      type: 'access.credentials_generated',
      tiersId: person.id,
      targetId: person.account.id,
      details: {
        login: person.account.login,
        mode: settings.deliveryMode,
        ...(items[k].letter ? { channel: 'LETTER' } : {}),
        mailId: mailIds[k],
        replacedMailIds: previous.filter((m) => m.accountId === person.account.id).map((m) => m.id),
        expiresAt: expiresAt.toISOString(),
      },
    })),
  );
  return { done: items.length, replaced: previous.length, skipped };
}

function generatedMessage(
  generated: number,
  replaced: number,
  skipped = 0,
  channel: CredentialsChannel = 'EMAIL',
): string {
  let message =
    channel === 'LETTER'
      ? `${countLabel(generated, "lettre d'identifiants générée", "lettres d'identifiants générées")} : ${generated > 1 ? 'elles attendent' : 'elle attend'} l'impression (« À imprimer ») dans le Centre d'envoi.`
      : `${countLabel(generated, "mail d'identifiants généré", "mails d'identifiants générés")} : ${generated > 1 ? 'ils attendent' : 'il attend'} votre vérification (« À vérifier ») dans le Centre d'envoi.`;
  if (replaced)
    message += ` ${countLabel(replaced, 'mail précédent non envoyé est remplacé', 'mails précédents non envoyés sont remplacés')}.`;
  if (skipped)
    message += ` ${countLabel(skipped, "personne n'a pas été traitée car son accès a changé entre-temps", "personnes n'ont pas été traitées car leur accès a changé entre-temps")}.`;
  return message;
}
