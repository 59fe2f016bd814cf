import { useId } from 'react';

type FieldProps = {
  label: string;
  name: string;
  type?: string;
  error?: string;
  hint?: string;
  describedBy?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'type'>;

/** A labelled input whose error is announced and linked to it (aria-describedby, aria-invalid). */
export function Field({ label, name, type = 'text', error, hint, describedBy, ...rest }: FieldProps) {
  const id = useId();
  const ids = [hint && `${id}-hint`, error && `${id}-error`, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids}
        className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-600"
        {...rest}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
