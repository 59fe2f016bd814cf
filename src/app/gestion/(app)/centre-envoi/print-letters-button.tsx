'use client';
import { useState } from 'react';

export type PrintResult = { ok: boolean; text: string };

/**
 * "Imprimer": downloads the letters' PDF once (docs/decisions/025). The server wipes each secret as it writes it into
 * the PDF, so a second click is refused with a sentence saying how to get new credentials. `busy` while it runs.
 */
export function usePrintLetters(onDone: (result: PrintResult, ids: string[]) => void) {
  const [busy, setBusy] = useState(false);

  async function print(ids: string[]) {
    setBusy(true);
    try {
      const response = await fetch(`/gestion/centre-envoi/imprimer?ids=${encodeURIComponent(ids.join(','))}`, {
        method: 'POST',
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        return onDone(
          { ok: false, text: body?.error ?? 'L’impression a échoué : rechargez la page et réessayez.' },
          ids,
        );
      }
      const blob = await response.blob();
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'lettre.pdf';
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      onDone(
        {
          ok: true,
          text: `${ids.length > 1 ? `${ids.length} lettres imprimées` : 'Lettre imprimée'} : ouvrez le PDF téléchargé (${name}) et imprimez-le maintenant, il ne pourra pas être téléchargé une seconde fois.`,
        },
        ids,
      );
    } catch {
      onDone({ ok: false, text: 'Le serveur ne répond pas : vérifiez la connexion puis rechargez la page.' }, ids);
    } finally {
      setBusy(false);
    }
  }

  return { print, busy };
}

export function PrintLettersButton({
  ids,
  label = 'Imprimer',
  className,
  disabled,
  onDone,
}: {
  ids: string[];
  label?: string;
  className: string;
  disabled?: boolean;
  onDone: (result: PrintResult) => void;
}) {
  const { print, busy } = usePrintLetters(onDone);
  return (
    <button type="button" className={className} disabled={disabled || busy || !ids.length} onClick={() => print(ids)}>
      {busy ? 'Impression…' : label}
    </button>
  );
}
