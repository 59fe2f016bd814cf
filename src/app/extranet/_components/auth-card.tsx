/** The frame of the extranet's signed-out pages: readable from 360 px wide up. */
export function AuthCard({
  title,
  children,
  footer,
}: {
  title: string;
  children: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center gap-5 px-4 py-8 sm:px-6">
      <div className="flex items-center gap-3">
        <img src="/logo.svg" alt="" width={36} height={36} />
        <p className="text-lg font-semibold">Trousseau · espace locataires et propriétaires</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <h1 className="mb-4 text-2xl font-semibold">{title}</h1>
        {children}
      </div>
      {footer}
    </main>
  );
}
