import 'next-auth';
import '@auth/core/jwt';

type SessionKind = 'staff' | 'extranet';

declare module 'next-auth' {
  interface User {
    kind: SessionKind;
    /** Credential version at sign-in: a session is valid only while the database holds the same value. */
    cv: number;
  }
  interface Session {
    user: { id: string; kind: SessionKind; cv: number; sid?: string; name?: string | null; email?: string | null };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    kind: SessionKind;
    cv: number;
    /** Extranet only (tokens written by session-cookie.ts): the ExtranetSession row, which "Se déconnecter partout" and Désinscrire revoke. */
    sid?: string;
  }
}
