'use client';
import { useEffect, useState } from 'react';
import type { PasswordContext, PasswordVerdict } from '@/shared/extranet/password-policy';

type Check = (password: string, context: PasswordContext) => PasswordVerdict;

const LEVELS = ['Très faible', 'Faible', 'Moyen', 'Solide', 'Très solide'];

/**
 * Live French feedback on a new password, from the same policy the server enforces. The estimator and its
 * dictionaries are loaded on first use so that the page itself stays light.
 */
export function PasswordFeedback({
  id,
  password,
  context,
}: {
  id: string;
  password: string;
  context: PasswordContext;
}) {
  const [check, setCheck] = useState<Check | null>(null);
  useEffect(() => {
    let alive = true;
    import('@/shared/extranet/password-policy').then((m) => alive && setCheck(() => m.checkPassword));
    return () => {
      alive = false;
    };
  }, []);
  const verdict = check && password ? check(password, context) : null;
  return (
    <div id={id} aria-live="polite" className="rounded-md bg-slate-100 p-3 text-sm text-slate-800">
      {!verdict ? (
        <p>
          Au moins 12 caractères, sans votre nom ni votre identifiant. Une phrase de plusieurs mots est facile à retenir
          et difficile à deviner.
        </p>
      ) : verdict.ok ? (
        <p className="font-medium text-green-800">Mot de passe solide ({LEVELS[verdict.score]}). ✓</p>
      ) : (
        <>
          <p className="font-medium">Niveau : {LEVELS[verdict.score]}. À corriger :</p>
          <ul className="list-disc pl-5">
            {verdict.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
            {verdict.suggestions.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
