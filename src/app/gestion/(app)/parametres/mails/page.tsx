import type { Metadata } from 'next';
import { z } from 'zod';
import { TiersKind } from '@/generated/prisma/enums';
import { requireStaff } from '@/server/auth/staff-session';
import { getMailTemplateSettings } from '@/server/mail/get-mail-template-settings';
import { ZTemplateMailType } from '@/server/mail/schemas';
import { formatLongDateTime } from '@/shared/dates';
import { MAIL_TYPE_LABELS } from '@/shared/outbox/mail-labels';
import { TIERS_KIND_LABELS } from '@/server/tiers/schemas';
import { FilterSelect } from '@/ui/filter';
import { AgencyIdentityForm, TemplateEditor, TestConnectionButton } from './mail-settings-forms';

export const metadata: Metadata = { title: 'Paramètres des mails' };

const ZSelection = z.object({
  type: ZTemplateMailType.catch('CREDENTIALS').default('CREDENTIALS'),
  public: z.enum(TiersKind).catch('LOCATAIRE').default('LOCATAIRE'),
});

export default async function MailSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff('settings:write');
  const selection = ZSelection.parse(await searchParams);
  const settings = await getMailTemplateSettings(selection.type, selection.public);
  return (
    <section aria-labelledby="page-title" className="flex max-w-5xl flex-col gap-8">
      <h1 id="page-title" className="text-2xl font-semibold">
        Paramètres des mails
      </h1>

      <section
        aria-labelledby="transport-title"
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="transport-title" className="text-lg font-semibold">
          Serveur de messagerie
        </h2>
        <TestConnectionButton />
      </section>

      <section
        aria-labelledby="identity-title"
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="identity-title" className="text-lg font-semibold">
          Identité de l&apos;agence dans les mails
        </h2>
        <AgencyIdentityForm
          agency={{
            agencyName: settings.agency.name,
            logoUrl: settings.agency.logoUrl ?? '',
            mailSignature: settings.agency.signature ?? '',
            agencyEmail: settings.agency.email ?? '',
          }}
        />
      </section>

      <section
        aria-labelledby="template-title"
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="template-title" className="text-lg font-semibold">
          Modèles de mails
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-4" aria-label="Choisir le modèle">
          <FilterSelect
            id="modele-type"
            label="Type de mail"
            name="type"
            defaultValue={selection.type}
            options={Object.fromEntries(ZTemplateMailType.options.map((t) => [t, MAIL_TYPE_LABELS[t]]))}
          />
          <FilterSelect
            id="modele-public"
            label="Destinataire"
            name="public"
            defaultValue={selection.public}
            options={TIERS_KIND_LABELS}
          />
          <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 hover:bg-slate-100">
            Afficher
          </button>
        </form>
        <p className="text-sm text-slate-700">
          {settings.customizedAt
            ? `Modèle personnalisé le ${formatLongDateTime(settings.customizedAt)}.`
            : 'Modèle par défaut de Trousseau.'}
        </p>
        <TemplateEditor
          key={`${selection.type}-${selection.public}`}
          type={selection.type}
          audience={selection.public}
          initial={settings.template}
          customized={!!settings.customizedAt}
          variables={Object.entries(settings.variables).map(([name, meaning]) => ({ name, meaning }))}
        />
      </section>
    </section>
  );
}
