import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getConfig } from '@/server/config';
import { clientIp } from '@/server/http/client-ip';
import { authenticateStaff } from '@/server/staff/authenticate-staff';
import { SESSION_MAX_AGE_S, secureCookies } from './session-cookie';

const ZStaffCredentials = z.object({ email: z.string().trim().max(320), password: z.string().max(1024) });

// JWT sessions (Credentials requires them). The token carries the account's credential version, which
// staff-session.ts checks against the database on every request: docs/decisions/003. Extranet sessions use the same
// cookie, opened by the extranet's own sign-in after it has checked the password (session-cookie.ts, decision 030).
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = getConfig();
  return {
    secret: config.authSecret,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    useSecureCookies: secureCookies(),
    pages: { signIn: '/gestion/connexion' },
    providers: [
      Credentials({
        id: 'staff',
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = ZStaffCredentials.safeParse(raw);
          if (!parsed.success) return null;
          const staff = await authenticateStaff(parsed.data.email, parsed.data.password, clientIp(request.headers));
          return staff && { id: staff.id, kind: 'staff', cv: staff.credentialVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.kind = user.kind;
          token.cv = user.cv;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { ...session.user, id: token.sub!, kind: token.kind, cv: token.cv, sid: token.sid };
        return session;
      },
    },
  };
});
