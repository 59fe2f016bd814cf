'use client';
import { useState } from 'react';
import { LabelledField } from '@/ui/field';

type PasswordInputProps = {
  label: string;
  name: string;
  autoComplete: 'current-password' | 'new-password';
  error?: string[];
  describedBy?: string;
  hint?: string;
  onValueChange?: (value: string) => void;
  required?: boolean;
};

/**
 * A password field with a show/hide button and a caps-lock warning (the most frequent typing error behind a
 * failed sign-in). The warning is read from the keyboard event itself (getModifierState), never guessed.
 */
export function PasswordInput({
  label,
  name,
  autoComplete,
  error,
  describedBy,
  hint,
  onValueChange,
  required,
}: PasswordInputProps) {
  const [visible, setVisible] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  const onKey = (event: React.KeyboardEvent<HTMLInputElement>) => setCapsLock(event.getModifierState('CapsLock'));
  return (
    <LabelledField label={label} hint={hint}>
      {({ id }) => (
        <>
          <div className="flex items-stretch gap-2">
            <input
              id={id}
              name={name}
              type={visible ? 'text' : 'password'}
              autoComplete={autoComplete}
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              required={required}
              aria-invalid={error?.length ? true : undefined}
              aria-describedby={
                [hint && `${id}-hint`, capsLock && `${id}-caps`, error?.length && `${id}-error`, describedBy]
                  .filter(Boolean)
                  .join(' ') || undefined
              }
              onKeyDown={onKey}
              onKeyUp={onKey}
              onBlur={() => setCapsLock(false)}
              onChange={(e) => onValueChange?.(e.target.value)}
              className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-600"
            />
            <button
              type="button"
              onClick={() => setVisible((v) => !v)}
              aria-controls={id}
              className="shrink-0 rounded-md border border-slate-400 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
              aria-label={visible ? 'Masquer le mot de passe' : 'Afficher le mot de passe'}
            >
              <span aria-hidden="true">{visible ? 'Masquer' : 'Afficher'}</span>
            </button>
          </div>
          <p id={`${id}-caps`} role="status" className={capsLock ? 'text-sm font-medium text-amber-800' : 'sr-only'}>
            {capsLock ? 'Attention : la touche Verrouillage majuscules (Verr. Maj) est activée.' : ''}
          </p>
          {error?.length ? (
            <ul id={`${id}-error`} className="list-disc pl-5 text-sm text-red-700">
              {error.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </LabelledField>
  );
}
