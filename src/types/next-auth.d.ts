import 'next-auth';
import '@auth/core/jwt';

// Auth.js carries only the session's random token (docs/decisions/036): the cookie is that token, nothing else.
declare module 'next-auth' {
  interface User {
    sessionToken: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sessionToken?: string;
  }
}
