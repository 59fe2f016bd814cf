'use client';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState, useTransition } from 'react';
import type { MailType, TiersKind } from '@/generated/prisma/enums';
import type { ActionResult } from '@/shared/action-result';
import { Field, TextAreaField } from '@/ui/field';
import {
  previewMailTemplateAction,
  resetMailTemplateAction,
  saveAgencyIdentityAction,
  saveMailTemplateAction,
  testMailTransportAction,
} from './actions';

const primary = 'rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60';
const secondary = 'rounded-md border border-slate-400 bg-white px-4 py-2 hover:bg-slate-100 disabled:opacity-60';

function Feedback({ result }: { result: ActionResult<unknown> | null }) {
  if (!result) return null;
  return result.ok ? (
    <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
      {result.message}
    </p>
  ) : (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {result.error}
    </p>
  );
}

export function TestConnectionButton() {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-col items-start gap-3">
      <button
        type="button"
        className={secondary}
        disabled={pending}
        onClick={() => start(async () => setResult(await testMailTransportAction({})))}
      >
        {pending ? 'Test en cours…' : 'Tester la connexion'}
      </button>
      <Feedback result={result} />
    </div>
  );
}

type Identity = { agencyName: string; logoUrl: string; mailSignature: string; agencyEmail: string };

export function AgencyIdentityForm({ agency }: { agency: Identity }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(saveAgencyIdentityAction, null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Feedback result={result} />
      <Field
        label="Nom de l'agence"
        name="agencyName"
        defaultValue={agency.agencyName}
        required
        error={errors.agencyName?.[0]}
      />
      <Field
        label="Adresse du logo (URL)"
        name="logoUrl"
        type="url"
        defaultValue={agency.logoUrl}
        hint="Une image en ligne (https://…), affichée en haut des mails. Laissez vide pour ne pas en mettre."
        error={errors.logoUrl?.[0]}
      />
      <Field
        label="Adresse de réponse"
        name="agencyEmail"
        type="email"
        defaultValue={agency.agencyEmail}
        hint="Les réponses des locataires et propriétaires à vos mails arrivent à cette adresse (en-tête Reply-To) ; elle figure aussi dans la signature. Vide : l'adresse MAIL_REPLY_TO du serveur, si elle est définie."
        error={errors.agencyEmail?.[0]}
      />
      <TextAreaField
        label="Signature"
        name="mailSignature"
        defaultValue={agency.mailSignature}
        rows={3}
        error={errors.mailSignature?.[0]}
        alert
      />
      <div>
        <button type="submit" className={primary} disabled={pending}>
          Enregistrer l&apos;identité
        </button>
      </div>
    </form>
  );
}

type Preview = { subject: string; html: string; text: string };

export function TemplateEditor(props: {
  type: MailType;
  audience: TiersKind;
  initial: { subject: string; intro: string };
  customized: boolean;
  variables: { name: string; meaning: string }[];
}) {
  const router = useRouter();
  const [subject, setSubject] = useState(props.initial.subject);
  const [intro, setIntro] = useState(props.initial.intro);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();

  // Live preview: re-rendered on the server a moment after typing stops (the same renderer as real mails).
  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      const r = await previewMailTemplateAction({ type: props.type, audience: props.audience, subject, intro });
      if (!live) return;
      if (r.ok) {
        setPreview(r.data as Preview);
        setErrors({});
      } else setErrors(r.fieldErrors ?? { form: [r.error] });
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [props.type, props.audience, subject, intro]);

  function save() {
    start(async () => {
      const r = await saveMailTemplateAction({ type: props.type, audience: props.audience, subject, intro });
      setResult(r);
      if (!r.ok) setErrors(r.fieldErrors ?? {});
      else router.refresh();
    });
  }

  function reset() {
    start(async () => {
      const r = await resetMailTemplateAction({ type: props.type, audience: props.audience });
      setResult(r);
      if (r.ok) router.refresh();
    });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="flex flex-col gap-4">
        <Feedback result={result} />
        <Field
          label="Objet"
          name="subject"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          error={errors.subject?.[0]}
          alert
        />
        <TextAreaField
          label="Introduction"
          name="intro"
          value={intro}
          onChange={(e) => setIntro(e.target.value)}
          rows={8}
          error={errors.intro?.[0]}
          hint="Laissez une ligne vide entre deux paragraphes."
          alert
        />
        {errors.form && (
          <p role="alert" className="text-sm text-red-700">
            {errors.form[0]}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <button type="button" className={primary} disabled={pending} onClick={save}>
            Enregistrer le modèle
          </button>
          {props.customized && (
            <button type="button" className={secondary} disabled={pending} onClick={reset}>
              Rétablir le modèle par défaut
            </button>
          )}
        </div>
        <div>
          <h3 className="font-semibold">Variables disponibles</h3>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {props.variables.map((v) => (
              <div key={v.name} className="contents">
                <dt>
                  <code>{`{{${v.name}}}`}</code>
                </dt>
                <dd className="text-slate-700">{v.meaning}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-sm text-slate-700">
            Le mot de passe ou le lien n’est pas une variable : il est placé automatiquement dans l’encadré sous
            l’introduction.
          </p>
        </div>
      </div>
      <div className="flex flex-col gap-2" aria-live="polite">
        <h3 className="font-semibold">Aperçu</h3>
        {preview ? (
          <>
            <p className="text-sm">
              <span className="font-medium text-slate-600">Objet : </span>
              <span data-testid="apercu-objet">{preview.subject}</span>
            </p>
            <iframe
              title="Aperçu du modèle"
              sandbox=""
              srcDoc={preview.html}
              className="h-[32rem] w-full rounded border border-slate-300 bg-white"
            />
          </>
        ) : (
          <p className="text-sm text-slate-600">Préparation de l’aperçu…</p>
        )}
      </div>
    </div>
  );
}
