import type { TiersKind } from '@/generated/prisma/enums';
import { listMyDocuments } from '@/server/extranet/my-documents';
import { getMyProfile, listMyLeases, listMyProperties } from '@/server/extranet/my-space';
import { pendingEmailChange } from '@/server/extranet/update-contact';
import { changePassword, signOutEverywhere } from '../(espace)/actions';
import { ContactAgencyForm, ContactDetailsForm } from '../(espace)/forms';
import { DocumentList, HomeFacts, LeaseCard, PropertyCard, Section } from '../(espace)/sections';
import { formatLongDateTime } from '@/shared/dates';
import { NewPasswordForm } from './new-password-form';

/** A form the person can use; in staff's read-only view, the same form in a disabled fieldset: it cannot submit. */
function Writable({ readOnly, children }: { readOnly: boolean; children: React.ReactNode }) {
  if (!readOnly) return children;
  return (
    <fieldset disabled aria-label="Lecture seule" className="min-w-0">
      {children}
    </fieldset>
  );
}

/**
 * "Mon espace", as the person sees it. The extranet renders it for the signed-in person; staff's "Voir son espace"
 * (docs/decisions/026) renders the very same with `readOnly`: every form sits in a disabled fieldset (and its server
 * action, which resolves the person from an extranet session only, refuses a staff member's request anyway), and
 * the sign-out button is not a form at all.
 */
export async function MySpace({
  who,
  readOnly = false,
  base = '/extranet',
  documentHref,
  welcome = false,
}: {
  who: { tiersId: string; kind: TiersKind; accountId: string | null; login: string | null };
  readOnly?: boolean;
  base?: string;
  documentHref?: (id: string) => string;
  welcome?: boolean;
}) {
  const [profile, leases, properties, documents, pending] = await Promise.all([
    getMyProfile(who),
    listMyLeases(who),
    listMyProperties(who),
    listMyDocuments(who),
    who.accountId ? pendingEmailChange({ accountId: who.accountId }) : null,
  ]);
  const tenant = who.kind === 'LOCATAIRE';
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
          <span className="font-mono">{who.login ?? '—'}</span>
        </p>
      </div>
      {welcome && (
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
                  <LeaseCard key={lease.id} lease={lease} base={base} />
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
                <PropertyCard key={property.id} property={property} base={base} />
              ))}
            </div>
          ) : (
            <p>Aucun bien géré par l&apos;agence à votre nom. Si c&apos;est une erreur, contactez l&apos;agence.</p>
          )}
        </Section>
      )}

      <Section id="documents" title="Mes documents">
        <DocumentList documents={documents} documentHref={documentHref} />
      </Section>

      <Section id="coordonnees" title="Mes coordonnées">
        <Writable readOnly={readOnly}>
          <ContactDetailsForm
            email={profile.email}
            phone={profile.phone}
            pending={pending && { email: pending.email, until: formatLongDateTime(pending.expiresAt) }}
          />
        </Writable>
      </Section>

      <Section id="securite" title="Sécurité">
        <div className="flex flex-col gap-6">
          <div>
            <h3 className="mb-2 font-semibold">Changer mon mot de passe</h3>
            <Writable readOnly={readOnly}>
              <NewPasswordForm
                action={changePassword}
                login={who.login ?? ''}
                names={[profile.name]}
                withCurrent
                submitLabel="Changer le mot de passe"
              />
            </Writable>
          </div>
          <div>
            <h3 className="mb-2 font-semibold">Mes appareils</h3>
            <p className="mb-2 text-slate-700">
              Un téléphone perdu, un ordinateur partagé ? Fermez toutes vos sessions, y compris celle-ci.
            </p>
            {readOnly ? (
              <button
                type="button"
                disabled
                className="rounded-md border border-red-700 px-4 py-2 font-medium text-red-800 opacity-60"
              >
                Se déconnecter partout
              </button>
            ) : (
              <form action={signOutEverywhere}>
                <button
                  type="submit"
                  className="rounded-md border border-red-700 px-4 py-2 font-medium text-red-800 hover:bg-red-50"
                >
                  Se déconnecter partout
                </button>
              </form>
            )}
          </div>
        </div>
      </Section>

      <Section id="contact" title="Contacter l'agence">
        <Writable readOnly={readOnly}>
          <ContactAgencyForm />
        </Writable>
      </Section>
    </div>
  );
}
