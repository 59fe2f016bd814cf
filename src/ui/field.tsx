import { useId } from 'react';

type ControlProps = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };

type LabelledFieldProps = {
  label: string;
  error?: string;
  hint?: string;
  describedBy?: string;
  /** Announces the error as soon as it appears (role=alert), for errors shown while typing. */
  alert?: boolean;
  children: (control: ControlProps) => React.ReactNode;
};

/** The frame of every labelled control: label, hint and error around the control, linked to it by id. */
export function LabelledField({ label, error, hint, describedBy, alert, children }: LabelledFieldProps) {
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
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids })}
      {error && (
        <p id={`${id}-error`} role={alert ? 'alert' : undefined} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

const controlClass = 'rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-600';

type FieldProps = {
  label: string;
  name: string;
  type?: string;
  error?: string;
  hint?: string;
  describedBy?: string;
  alert?: boolean;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'type'>;

/** A labelled input whose error is announced and linked to it (aria-describedby, aria-invalid). */
export function Field({ label, name, type = 'text', error, hint, describedBy, alert, ...rest }: FieldProps) {
  return (
    <LabelledField label={label} error={error} hint={hint} describedBy={describedBy} alert={alert}>
      {(control) => <input {...control} name={name} type={type} className={controlClass} {...rest} />}
    </LabelledField>
  );
}

type TextAreaFieldProps = { label: string; name: string; error?: string; hint?: string; alert?: boolean } & Omit<
  React.TextareaHTMLAttributes<HTMLTextAreaElement>,
  'name'
>;

/** A labelled textarea, like Field. */
export function TextAreaField({ label, name, error, hint, alert, ...rest }: TextAreaFieldProps) {
  return (
    <LabelledField label={label} error={error} hint={hint} alert={alert}>
      {(control) => <textarea {...control} name={name} className={controlClass} {...rest} />}
    </LabelledField>
  );
}

type SelectFieldProps = {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  error?: string;
  hint?: string;
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'name'>;

/** A labelled select whose error is announced and linked to it, like Field. */
export function SelectField({ label, name, options, error, hint, ...rest }: SelectFieldProps) {
  return (
    <LabelledField label={label} error={error} hint={hint}>
      {(control) => (
        <select {...control} name={name} className={controlClass} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}
