import { ScrollRegion } from '@/ui/scroll-region';

/** A list table on a white card: a caption for screen readers, one header row of column names, then the rows. */
export function Table({
  caption,
  columns,
  mutedHeader = false,
  children,
}: {
  caption: string;
  columns: string[];
  mutedHeader?: boolean;
  children: React.ReactNode;
}) {
  return (
    <ScrollRegion label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className={mutedHeader ? 'bg-slate-50 text-slate-700' : 'bg-slate-50'}>
          <tr>
            {columns.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
