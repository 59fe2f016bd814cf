'use client';
import { useRef, useState } from 'react';
import { emailSyntaxError, suggestEmail, suggestionMessage } from '@/shared/email/check-email';
import { LabelledField } from './field';

type Props = {
  label?: string;
  name?: string;
  defaultValue?: string;
  /** The server's error for the field (after a submit). */
  error?: string;
  /** A suggestion the server made on submit ("Vouliez-vous dire … ?"), shown like the one made while typing. */
  suggestion?: string | null;
  hint?: string;
  disabled?: boolean;
  autoComplete?: string;
};

/**
 * An e-mail input checked as it is left (issue 15 item 2, src/shared/email/check-email.ts): what is wrong with its
 * form, or "Vouliez-vous dire … ?" for a typo in a common domain, with a button that puts the suggestion in.
 */
export function EmailField({
  label = 'Adresse e-mail',
  name = 'email',
  defaultValue = '',
  error,
  suggestion: fromServer,
  hint,
  disabled,
  autoComplete = 'off',
}: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState<{ problem: string | null; suggestion: string | null } | null>(null);
  const check = () => {
    const value = input.current?.value ?? '';
    setChecked({ problem: emailSyntaxError(value), suggestion: suggestEmail(value) });
  };
  const suggestion = checked ? checked.suggestion : (fromServer ?? null);
  const problem = checked?.problem ?? null;
  return (
    <div className="flex flex-col gap-1">
      <LabelledField label={label} error={error} hint={hint}>
        {(control) => (
          <input
            {...control}
            ref={input}
            name={name}
            type="email"
            defaultValue={defaultValue}
            disabled={disabled}
            autoComplete={autoComplete}
            onBlur={check}
            onChange={() => checked && setChecked(null)}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-600"
          />
        )}
      </LabelledField>
      <div aria-live="polite">
        {!error && problem && <p className="text-sm text-amber-900">{problem}</p>}
        {!problem && suggestion && (
          <p className="flex flex-wrap items-center gap-2 text-sm text-amber-900">
            {suggestionMessage(suggestion)}
            <button
              type="button"
              className="rounded border border-amber-600 bg-white px-2 py-0.5 text-amber-950 hover:bg-amber-50"
              onClick={() => {
                if (input.current) input.current.value = suggestion;
                setChecked({ problem: null, suggestion: null });
                input.current?.focus();
              }}
            >
              Corriger en {suggestion}
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
