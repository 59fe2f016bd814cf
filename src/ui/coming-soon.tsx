/** An honest placeholder for a screen that a later issue builds: no fake data. */
export function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="page-title" className="max-w-2xl">
      <h1 id="page-title" className="mb-4 text-2xl font-semibold">
        {title}
      </h1>
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
        <p className="font-medium">Cet écran arrive bientôt.</p>
        <p className="mt-2">{children}</p>
      </div>
    </section>
  );
}
