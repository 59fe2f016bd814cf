// The words of the sign-in shared by its throttle (throttle.ts) and its statements (session.sql.ts).

/** Who signs in: staff (back office) or a person of the extranet. */
export type Audience = 'STAFF' | 'EXTRANET';

/** What a sign-in needs to know about the person a login names (staff member or extranet account). */
export type LoginPerson = {
  id: string;
  credentialVersion: number;
  /** Enrolled (extranet) or not disabled (staff): only then is the password checked against the real hash. */
  active: boolean;
  hash: string | null;
  passwordExpired: boolean;
  mustChangePassword: boolean;
  tiersId: string | null;
  role: 'ADMIN' | 'GESTIONNAIRE' | 'SUPPORT' | null;
};

export type ThrottlePolicy = {
  /** Failures that lock; the count restarts after the lock has ended. */
  lockAt: number;
  lockMs: number;
  /** Short waits before the lock, by failure count: the "growing delays". */
  delays: Record<number, number>;
  /** Failures older than this are forgotten; null = consecutive failures until a success or a lock. */
  windowMs: number | null;
};
