import Link from 'next/link';

/**
 * A server message as text, where `[words](/gestion/…)` becomes a link: the domain names the page that fixes the
 * problem (e.g. the tiers form) without sending HTML. Only back-office paths are linked.
 */
export function MessageText({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]+\]\(\/gestion\/[A-Za-z0-9/_-]+\))/g);
  return (
    <>
      {parts.map((part, i) => {
        const link = /^\[([^\]]+)\]\((\/gestion\/[A-Za-z0-9/_-]+)\)$/.exec(part);
        return link ? (
          <Link key={i} href={link[2]} className="font-medium underline">
            {link[1]}
          </Link>
        ) : (
          part
        );
      })}
    </>
  );
}
