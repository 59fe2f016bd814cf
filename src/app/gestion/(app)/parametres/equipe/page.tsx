import type { Metadata } from 'next';
import Link from 'next/link';
import { ROLE_LABELS } from '@/server/auth/permissions';
import { requireStaff } from '@/server/auth/staff-session';
import { formatLongDateTime } from '@/shared/dates';
import { listTeam, type TeamMember } from '@/server/staff/list-team';
import { ActionForm, buttonClass } from '@/ui/action-form';
import {
  changeMemberRole,
  disableMember,
  enableMember,
  endMemberSessions,
  inviteMember,
  sendMemberReset,
  unlockMember,
} from './actions';
import { ScrollRegion } from '@/ui/scroll-region';

export const metadata: Metadata = { title: 'Équipe' };

const ROLES = Object.entries(ROLE_LABELS) as [TeamMember['role'], string][];
const small = 'rounded border border-slate-400 bg-white px-2 py-1 text-sm hover:bg-slate-50';

function status(member: TeamMember): string {
  if (member.disabledAt) return 'Désactivé';
  if (member.invitedAt) return 'Invitation envoyée';
  return 'Actif';
}

export default async function TeamPage() {
  const actor = await requireStaff('staff:manage');
  const team = await listTeam();
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-6">
      <p>
        <Link href="/gestion/parametres" className="text-brand-700 underline">
          Paramètres
        </Link>
      </p>
      <h1 id="page-title" className="text-2xl font-semibold">
        Équipe
      </h1>
      <ScrollRegion label="Membres de l'équipe">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Membres de l&apos;équipe</caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              {[
                'Nom',
                'E-mail',
                'Rôle',
                'Statut',
                'Dernière connexion',
                'Sessions actives',
                'Verrouillé jusqu’à',
                'Actions',
              ].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {team.map((m) => (
              <tr key={m.id} className="border-b border-slate-100 align-top last:border-0">
                <th scope="row" className="px-3 py-2 font-medium">
                  {m.name}
                  {m.id === actor.id && <span className="text-slate-600"> (vous)</span>}
                </th>
                <td className="px-3 py-2">{m.email}</td>
                <td className="px-3 py-2">{ROLE_LABELS[m.role]}</td>
                <td className="px-3 py-2">{status(m)}</td>
                <td className="px-3 py-2">{m.lastLoginAt ? formatLongDateTime(m.lastLoginAt) : 'Jamais'}</td>
                <td className="px-3 py-2">{m.activeSessions}</td>
                <td className="px-3 py-2">{m.lockedUntil ? formatLongDateTime(m.lockedUntil) : '—'}</td>
                <td className="flex flex-col gap-2 px-3 py-2">
                  <ActionForm action={changeMemberRole} className="flex flex-wrap items-center gap-1">
                    <input type="hidden" name="staffId" value={m.id} />
                    <label htmlFor={`role-${m.id}`} className="sr-only">
                      Rôle de {m.name}
                    </label>
                    <select id={`role-${m.id}`} name="role" defaultValue={m.role} className="rounded border px-1 py-1">
                      {ROLES.map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className={small} aria-label={`Changer le rôle de ${m.name}`}>
                      Changer le rôle
                    </button>
                  </ActionForm>
                  <div className="flex flex-wrap gap-1">
                    {m.disabledAt ? (
                      <ActionForm action={enableMember}>
                        <input type="hidden" name="staffId" value={m.id} />
                        <button type="submit" className={small} aria-label={`Réactiver ${m.name}`}>
                          Réactiver
                        </button>
                      </ActionForm>
                    ) : (
                      <ActionForm action={disableMember}>
                        <input type="hidden" name="staffId" value={m.id} />
                        <button type="submit" className={small} aria-label={`Désactiver ${m.name}`}>
                          Désactiver
                        </button>
                      </ActionForm>
                    )}
                    {!m.disabledAt && (
                      <ActionForm action={sendMemberReset}>
                        <input type="hidden" name="staffId" value={m.id} />
                        <button
                          type="submit"
                          className={small}
                          aria-label={`Envoyer un lien de réinitialisation à ${m.name}`}
                        >
                          Lien de réinitialisation
                        </button>
                      </ActionForm>
                    )}
                    {m.activeSessions > 0 && (
                      <ActionForm action={endMemberSessions}>
                        <input type="hidden" name="staffId" value={m.id} />
                        <button type="submit" className={small} aria-label={`Terminer ses sessions : ${m.name}`}>
                          Terminer ses sessions
                        </button>
                      </ActionForm>
                    )}
                    {m.lockedUntil && (
                      <ActionForm action={unlockMember}>
                        <input type="hidden" name="staffId" value={m.id} />
                        <button type="submit" className={small} aria-label={`Déverrouiller ${m.name}`}>
                          Déverrouiller
                        </button>
                      </ActionForm>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="max-w-xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="mb-2 text-lg font-semibold">Inviter un membre</h2>
        <p className="mb-4 text-sm text-slate-600">
          La personne reçoit un lien (valable 7 jours) pour choisir son mot de passe, puis se connecte avec son adresse
          e-mail.
        </p>
        <ActionForm action={inviteMember} className="flex flex-col gap-3">
          <label htmlFor="invite-name" className="font-medium">
            Nom
          </label>
          <input
            id="invite-name"
            name="name"
            required
            maxLength={120}
            className="rounded-md border border-slate-400 px-3 py-2"
          />
          <label htmlFor="invite-email" className="font-medium">
            Adresse e-mail
          </label>
          <input
            id="invite-email"
            name="email"
            type="email"
            required
            autoComplete="off"
            className="rounded-md border border-slate-400 px-3 py-2"
          />
          <label htmlFor="invite-role" className="font-medium">
            Rôle
          </label>
          <select
            id="invite-role"
            name="role"
            defaultValue="GESTIONNAIRE"
            className="rounded-md border border-slate-400 px-3 py-2"
          >
            {ROLES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <div>
            <button type="submit" className={buttonClass}>
              Inviter
            </button>
          </div>
        </ActionForm>
      </div>
      <p className="text-sm text-slate-600">
        Le dernier administrateur actif ne peut être ni désactivé ni changé de rôle. Chaque changement est inscrit au
        journal.
      </p>
    </section>
  );
}
