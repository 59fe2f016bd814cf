import { NextResponse } from 'next/server';
import { getConfig } from '@/server/config';
import { clientIp } from '@/server/http/client-ip';
import { signInExtranet } from '@/server/extranet/sign-in';
import { RETRY_AFTER_S } from '@/server/session/messages';

// The extranet sign-in for programs (a mobile app, the login benchmark): the same checks as the form. Signed in:
// 303 See Other to the page to open (Mon espace, or the password change) with the session cookie, and no body.
// Refused: 401 { error } in JSON for every refusal, known identifiant or not; 503 with Retry-After while the database
// cannot be reached (never reported as a wrong password). `remember: true` is "Rester connecté".

const NOT_SAME_SITE =
  "Requête refusée : la connexion doit venir de l'extranet de l'agence. Ouvrez la page de connexion et réessayez.";
const BAD_BODY = 'Envoyez « login » et « password », en JSON ou en formulaire (application/x-www-form-urlencoded).';

export async function POST(request: Request): Promise<Response> {
  if (!fromThisSite(request)) return answer({ error: NOT_SAME_SITE }, 403);
  const input = await credentials(request);
  if (!input) return answer({ error: BAD_BODY }, 400);
  const outcome = await signInExtranet(input, {
    ip: clientIp(request.headers),
    userAgent: request.headers.get('user-agent'),
  });
  if (!outcome.ok)
    return answer(
      { error: outcome.error },
      outcome.status,
      outcome.status === 503 ? { 'Retry-After': String(RETRY_AFTER_S) } : {},
    );
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: outcome.redirectTo, 'Cache-Control': 'no-store' },
  });
  response.cookies.set(outcome.cookie.name, outcome.cookie.value, outcome.cookie.options);
  return response;
}

function answer(body: object, status: number, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** A browser always says where a cross-site POST comes from: refuse those (login CSRF). Programs send no Origin. */
function fromThisSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return request.headers.get('sec-fetch-site') !== 'cross-site';
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  return origin === new URL(getConfig().appUrl).origin || URL.parse(origin)?.host === host;
}

async function credentials(request: Request): Promise<{ login: unknown; password: unknown; remember: unknown } | null> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.startsWith('application/json')) {
      const body: unknown = await request.json();
      if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
      return {
        login: 'login' in body ? body.login : null,
        password: 'password' in body ? body.password : null,
        remember: 'remember' in body ? body.remember : null,
      };
    }
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const form = await request.formData();
      return { login: form.get('login'), password: form.get('password'), remember: form.get('remember') };
    }
  } catch {
    // unreadable body: answered below
  }
  return null;
}
