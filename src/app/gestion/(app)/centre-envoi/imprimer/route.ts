import { z } from 'zod';
import { staffRoute } from '@/server/auth/staff-action';
import { printLetters } from '@/server/letters/print-letters';

const ZPrint = z.object({
  ids: z
    .string()
    .max(500 * 65)
    .transform((s) => [...new Set(s.split(',').filter(Boolean))])
    .pipe(z.array(z.string().min(1).max(64)).min(1, 'Sélectionnez au moins une lettre.').max(500)),
});

/**
 * "Imprimer": the PDF of the letters, downloaded once (docs/decisions/025). A POST, never a GET: it wipes the secrets,
 * so neither a prefetch nor a link from another site may trigger it (the session cookie is SameSite=Lax, and the
 * Origin, when the browser sends one, must be this site's).
 */
export const POST = staffRoute(
  { permission: 'outbox:send', query: ZPrint },
  async ({ input, audit, actor }, request) => {
    const origin = request.headers.get('origin');
    if (origin && origin !== new URL(request.url).origin && new URL(origin).host !== request.headers.get('host'))
      return Response.json({ error: 'Requête refusée : imprimez depuis le Centre d’envoi.' }, { status: 403 });
    const { pdf, fileName } = await printLetters({ type: 'STAFF', staffId: actor.id, ip: audit.ip ?? null }, input.ids);
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  },
);
