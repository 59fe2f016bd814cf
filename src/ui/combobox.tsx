'use client';
import { useId, useState } from 'react';

export type PickerOption = { id: string; label: string };

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Every typed word (any order, case and accents ignored) is in the label: "cedr andr" finds "M. Cédric André". */
function matching(options: PickerOption[], query: string, exclude: string[]): PickerOption[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return options.filter((o) => !exclude.includes(o.id) && words.every((w) => fold(o.label).includes(w))).slice(0, 50);
}

const SHOWN = 50;

/**
 * A searchable picker (WAI-ARIA combobox with a listbox popup): type part of a name or reference, ↓/↑ to move,
 * Entrée to choose, Échap to close. One choice, or several shown as chips, each with its « Retirer » button. The
 * chosen ids go into hidden fields named `name`, so the form sends what a select would.
 */
export function Combobox({
  label,
  name,
  options,
  defaultValue,
  multiple = false,
  error,
  hint,
}: {
  label: string;
  name: string;
  options: PickerOption[];
  defaultValue?: string | string[];
  multiple?: boolean;
  error?: string;
  hint?: string;
}) {
  const id = useId();
  const initial = (Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []).filter((v) =>
    options.some((o) => o.id === v),
  );
  const labelOf = (value: string) => options.find((o) => o.id === value)?.label ?? '';
  const [chosen, setChosen] = useState<string[]>(initial);
  const [query, setQuery] = useState(multiple ? '' : labelOf(initial[0] ?? ''));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const list = matching(options, multiple || !chosen.length ? query : '', multiple ? chosen : []);
  const listId = `${id}-liste`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const described = [hint && `${id}-aide`, error && `${id}-erreur`].filter(Boolean).join(' ') || undefined;

  function choose(option: PickerOption) {
    if (multiple) {
      setChosen((before) => [...before, option.id]);
      setQuery('');
    } else {
      setChosen([option.id]);
      setQuery(option.label);
    }
    setOpen(false);
    setActive(0);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(i + 1, list.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      if (list[active]) choose(list[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div className="relative flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={`${id}-aide`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {multiple && chosen.length > 0 && (
        <ul aria-label={`${label} choisis`} className="flex flex-wrap gap-2">
          {chosen.map((value) => (
            <li
              key={value}
              className="flex items-center gap-1 rounded-full border border-slate-300 bg-slate-100 py-0.5 pl-3 pr-1 text-sm"
            >
              {labelOf(value)}
              <button
                type="button"
                onClick={() => setChosen((before) => before.filter((v) => v !== value))}
                className="rounded-full px-2 py-0.5 hover:bg-slate-200"
                aria-label={`Retirer ${labelOf(value)}`}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && list[active] ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        autoComplete="off"
        value={query}
        placeholder={multiple ? 'Tapez un nom ou une référence pour ajouter' : 'Tapez un nom ou une référence'}
        onChange={(e) => {
          setQuery(e.target.value);
          if (!multiple) setChosen([]);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-600"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!open}
        className="absolute top-full z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
      >
        {list.map((option, i) => (
          <li
            key={option.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(option)}
            className="cursor-pointer px-3 py-1.5 text-sm aria-selected:bg-brand-50 aria-selected:font-medium"
          >
            {option.label}
          </li>
        ))}
        {list.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled="true" className="px-3 py-1.5 text-sm text-slate-700">
            Aucun résultat : essayez une partie du nom ou la référence.
          </li>
        )}
      </ul>
      <p aria-live="polite" className="sr-only">
        {open ? `${list.length}${list.length === SHOWN ? ' premiers' : ''} résultat${list.length > 1 ? 's' : ''}` : ''}
      </p>
      {chosen.length ? (
        chosen.map((value) => <input key={value} type="hidden" name={name} value={value} />)
      ) : (
        <input type="hidden" name={name} value="" />
      )}
      {error && (
        <p id={`${id}-erreur`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
