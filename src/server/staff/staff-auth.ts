import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getConfig } from '@/server/config';
import { db } from '@/server/db';
import { clientIp } from '@/server/http/client-ip';
import { secureCookies, sessionCookieName, sessionCookieOptions } from '@/server/session/cookie';
import { STAFF_ABSOLUTE_MAX_HOURS } from '@/server/session/lifetimes';
import { STAFF_LOGIN_FAILED } from '@/server/session/messages';
import { findSession, revokeSession } from '@/server/session/sessions';
import { authenticateStaff } from './authenticate-staff';

const ZStaffCredentials = z.object({ email: z.string().trim().max(320), password: z.string().max(1024) });

/** A refused staff sign-in, carrying the sentence to show (a delay, the lock, the database being unavailable). */
export class StaffSignInRefused extends CredentialsSignin {
  code = 'refused';
  constructor(
    readonly refusal: string,
    readonly status: 401 | 503,
  ) {
    super(refusal);
  }
}

// Auth.js runs the staff sign-in (its Credentials provider), through its public extension points only: the provider
// calls the guarded sign-in, which opens a session row; `jwt.encode` makes the cookie that session's random token
// and `jwt.decode` reads it back, so the cookie carries nothing else (docs/decisions/036). Every request checks the
// token's session in the database (src/server/session). The configuration is read per request: the cookie's name and
// `Secure` follow APP_URL when the server runs, not when it was built.
export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: getConfig().authSecret, // Auth.js signs its CSRF cookie with it
  trustHost: true,
  useSecureCookies: secureCookies(),
  session: { strategy: 'jwt', maxAge: STAFF_ABSOLUTE_MAX_HOURS * 3600 },
  cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
  pages: { signIn: '/gestion/connexion' },
  jwt: {
    encode: ({ token }) => token?.sessionToken ?? '',
    decode: ({ token }) => (token ? { sessionToken: token } : null),
  },
  // A refused sign-in is recorded as a login attempt: nothing to log. Anything else: one line, no stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      id: 'staff',
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = ZStaffCredentials.safeParse(raw);
        if (!parsed.success || !parsed.data.email || !parsed.data.password)
          throw new StaffSignInRefused(STAFF_LOGIN_FAILED, 401);
        const result = await authenticateStaff({
          login: parsed.data.email,
          password: parsed.data.password,
          ip: clientIp(request.headers),
          userAgent: request.headers.get('user-agent'),
        });
        if (!result.ok) throw new StaffSignInRefused(result.error, result.status);
        return { id: result.person.id, sessionToken: result.token };
      },
    }),
  ],
  callbacks: {
    // The token is only the session's: at sign-in it is the one just opened; later, Auth.js' own session endpoint
    // keeps it only while its session is open (a revoked one clears the cookie).
    async jwt({ token, user }) {
      if (user) return { sessionToken: user.sessionToken };
      const open = token.sessionToken && (await findSession(token.sessionToken, null));
      return open ? { sessionToken: token.sessionToken } : null;
    },
    session({ session }) {
      return { expires: session.expires } as typeof session;
    },
  },
  events: {
    // "Se déconnecter": the session's row ends too, so a copy of the cookie stops working as well.
    async signOut(message) {
      const sessionToken = 'token' in message ? message.token?.sessionToken : undefined;
      if (!sessionToken) return;
      const session = await findSession(sessionToken, null);
      if (session) await revokeSession(db, session.id, 'signed_out');
    },
  },
}));
