import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/server/auth/staff-session';
import { getSessionLifetimes } from '@/server/session/lifetimes';
import { getCredentialSettings, getReminderSettings } from '@/server/settings/get-settings';
import { CredentialSettingsForm } from './credential-settings-form';
import { SessionSettingsForm } from './session-settings-form';
import { ReminderSettingsForm } from './reminder-settings-form';

export const metadata: Metadata = { title: 'Paramètres' };

export default async function ParametresPage() {
  await requireStaff('settings:write');
  const [current, lifetimes, reminders] = await Promise.all([
    getCredentialSettings(),
    getSessionLifetimes(),
    getReminderSettings(),
  ]);
  return (
    <section aria-labelledby="page-title" className="flex max-w-2xl flex-col gap-6">
      <h1 id="page-title" className="text-2xl font-semibold">
        Paramètres
      </h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="mb-4 text-lg font-semibold">Identifiants de l&apos;extranet</h2>
        <CredentialSettingsForm current={current} />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="mb-4 text-lg font-semibold">Durée des sessions</h2>
        <SessionSettingsForm current={lifetimes} />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="mb-4 text-lg font-semibold">Relance automatique</h2>
        <ReminderSettingsForm current={reminders} />
      </div>
      <ul className="flex flex-col gap-2">
        <li>
          <Link href="/gestion/parametres/equipe" className="text-brand-700 underline">
            Équipe
          </Link>
        </li>
        <li>
          <Link href="/gestion/parametres/mails" className="text-brand-700 underline">
            Modèles de mails et envoi
          </Link>
        </li>
      </ul>
    </section>
  );
}
