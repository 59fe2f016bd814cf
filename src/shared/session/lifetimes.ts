// How long sessions live, per audience, as ADMIN sets them in Paramètres (docs/decisions/036).

export type SessionLifetimes = {
  staffIdleMinutes: number;
  staffAbsoluteHours: number;
  extranetIdleMinutes: number;
  extranetRememberDays: number;
};
