import Link from 'next/link';

export default function HomePage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-6 p-6">
      <h1 className="text-3xl font-semibold">Trousseau</h1>
      <p className="text-slate-600">L&apos;espace en ligne de votre agence de gestion locative.</p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Link
          href="/extranet/connexion"
          className="rounded-md bg-brand-600 px-4 py-3 text-center font-medium text-white hover:bg-brand-700"
        >
          Espace locataires et propriétaires
        </Link>
        <Link
          href="/gestion/connexion"
          className="rounded-md border border-slate-300 bg-white px-4 py-3 text-center font-medium hover:bg-slate-100"
        >
          Espace agence
        </Link>
      </div>
    </main>
  );
}
