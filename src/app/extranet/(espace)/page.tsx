import type { Metadata } from 'next';
import { requireExtranet } from '@/server/auth/extranet-session';
import { listMyDocuments } from '@/server/extranet/my-documents';
import { getMyProfile, listMyLeases, listMyProperties } from '@/server/extranet/my-space';
import { pendingEmailChange } from '@/server/extranet/update-contact';
import { formatDateTime } from '../_components/format';
import { NewPasswordForm } from '../_components/new-password-form';
import { changePassword, signOutEverywhere } from './actions';
import { ContactAgencyForm, ContactDetailsForm } from './forms';
import { DocumentList, HomeFacts, LeaseCard, PropertyCard, Section } from './sections';

export const metadata: Metadata = { title: 'Mon espace' };

export default async function MySpacePage({
  searchParams,
}: {
  searchParams: Promise<{ bienvenue?: string; motdepasse?: string }>;
}) {
  const actor = await requireExtranet();
  const [profile, leases, properties, documents, params, pending] = await Promise.all([
    getMyProfile(actor),
    listMyLeases(actor),
    listMyProperties(actor),
    listMyDocuments(actor),
    searchParams,
    pendingEmailChange(actor),
  ]);
  const tenant = actor.kind === 'LOCATAIRE';
  const sections: [string, string][] = tenant
    ? [
        ['logement', 'Mon logement'],
        ['bail', 'Mon bail'],
        ['documents', 'Mes documents'],
      ]
    : [
        ['biens', 'Mes biens'],
        ['documents', 'Mes documents'],
      ];
  sections.push(['coordonnees', 'Mes coordonnées'], ['securite', 'Sécurité'], ['contact', "Contacter l'agence"]);

  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold">Mon espace</h1>
        <p className="text-slate-700">
          {profile.name} · {tenant ? 'Locataire' : 'Propriétaire'} · identifiant{' '}
          <span className="font-mono">{actor.login}</span>
        </p>
      </div>
      {(params.bienvenue || params.motdepasse) && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          Votre mot de passe est enregistré. Vos autres sessions ont été fermées.
        </p>
      )}
      <nav aria-label="Rubriques de mon espace">
        <ul className="flex flex-wrap gap-2">
          {sections.map(([id, title]) => (
            <li key={id}>
              <a
                href={`#${id}`}
                className="block rounded-full border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
              >
                {title}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {tenant ? (
        <>
          <Section id="logement" title="Mon logement">
            <HomeFacts lease={leases.find((l) => !l.ended)} agency={profile.agency} />
          </Section>
          <Section id="bail" title="Mon bail">
            {leases.length ? (
              <div className="flex flex-col gap-3">
                {leases.map((lease) => (
                  <LeaseCard key={lease.id} lease={lease} />
                ))}
              </div>
            ) : (
              <p>Aucun bail à votre nom. Si c&apos;est une erreur, contactez l&apos;agence.</p>
            )}
          </Section>
        </>
      ) : (
        <Section id="biens" title="Mes biens">
          {properties.length ? (
            <div className="flex flex-col gap-3">
              {properties.map((property) => (
                <PropertyCard key={property.id} property={property} />
              ))}
            </div>
          ) : (
            <p>Aucun bien géré par l&apos;agence à votre nom. Si c&apos;est une erreur, contactez l&apos;agence.</p>
          )}
        </Section>
      )}

      <Section id="documents" title="Mes documents">
        <DocumentList documents={documents} />
      </Section>

      <Section id="coordonnees" title="Mes coordonnées">
        <ContactDetailsForm
          email={profile.email}
          phone={profile.phone}
          pending={pending && { email: pending.email, until: formatDateTime(pending.expiresAt) }}
        />
      </Section>

      <Section id="securite" title="Sécurité">
        <div className="flex flex-col gap-6">
          <div>
            <h3 className="mb-2 font-semibold">Changer mon mot de passe</h3>
            <NewPasswordForm
              action={changePassword}
              login={actor.login}
              names={[profile.name]}
              withCurrent
              submitLabel="Changer le mot de passe"
            />
          </div>
          <div>
            <h3 className="mb-2 font-semibold">Mes appareils</h3>
            <p className="mb-2 text-slate-700">
              Un téléphone perdu, un ordinateur partagé ? Fermez toutes vos sessions, y compris celle-ci.
            </p>
            <form action={signOutEverywhere}>
              <button
                type="submit"
                className="rounded-md border border-red-700 px-4 py-2 font-medium text-red-800 hover:bg-red-50"
              >
                Se déconnecter partout
              </button>
            </form>
          </div>
        </div>
      </Section>

      <Section id="contact" title="Contacter l'agence">
        <ContactAgencyForm />
      </Section>
    </div>
  );
}
