import 'server-only';
import NextAuth from 'next-auth';
import { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getConfig } from '@/server/config';
import { clientIp } from '@/server/http/client-ip';
import { authenticateStaff } from '@/server/staff/authenticate-staff';
import { authenticateExtranet } from '@/server/extranet/authenticate-extranet';
import { readHandoff } from '@/server/extranet/handoff';
import { sessionIdentity } from '@/server/extranet/session-validity';

const ZStaffCredentials = z.object({ email: z.string().trim().max(320), password: z.string().max(1024) });
const ZExtranetCredentials = z.union([
  z.object({ handoff: z.string().min(1).max(300) }),
  z.object({ login: z.string().max(200), password: z.string().max(1024) }),
]);

// JWT sessions (Credentials requires them). The token carries the account's credential version, which
// staff-session.ts checks against the database on every request: docs/decisions/003.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = getConfig();
  return {
    secret: config.authSecret,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: 10 * 60 * 60 },
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
      // Extranet accounts. The sign-in form checks the password itself (to show precise French messages) and hands
      // the opened session over with `handoff`; a client posting to the callback URL can still send login/password.
      Credentials({
        id: 'extranet',
        credentials: { login: {}, password: {}, handoff: {} },
        async authorize(raw, request) {
          const parsed = ZExtranetCredentials.safeParse(raw);
          if (!parsed.success) return null;
          if ('handoff' in parsed.data) {
            const sessionId = readHandoff(parsed.data.handoff);
            return sessionId ? sessionIdentity(sessionId) : null;
          }
          const result = await authenticateExtranet({
            login: parsed.data.login,
            password: parsed.data.password,
            ip: clientIp(request.headers),
            userAgent: request.headers.get('user-agent'),
          });
          if (!result.ok) throw new CredentialsSignin();
          return { id: result.accountId, kind: 'extranet', cv: result.credentialVersion, sid: result.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.kind = user.kind;
          token.cv = user.cv;
          token.sid = user.sid;
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
