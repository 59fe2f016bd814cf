// The fields of the GET forms that filter a list page (the values live in the URL).

const control = 'rounded-md border border-slate-400 bg-white px-3 py-2';

type FilterSelectProps = {
  id: string;
  label: string;
  options: Record<string, string>;
} & React.SelectHTMLAttributes<HTMLSelectElement>;

/** A labelled select of a filter form; options maps each value to its label, in order. */
export function FilterSelect({ id, label, options, ...rest }: FilterSelectProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} className={control} {...rest}>
        {Object.entries(options).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

type FilterSearchProps = { id: string; hint?: string; className: string } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  'className'
>;

/** The "Rechercher" box of a filter form (parameter q), with an optional hint below it; className sizes it. */
export function FilterSearch({ id, hint, className, ...rest }: FilterSearchProps) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        Rechercher
      </label>
      <input
        id={id}
        name="q"
        type="search"
        aria-describedby={hint ? `${id}-aide` : undefined}
        className={control}
        {...rest}
      />
      {hint && (
        <p id={`${id}-aide`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}
