/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/** What someone typed, compared as the login form compares it: no spaces at all, lower case. */
export const compactLogin = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** A typed identifiant that is probably a typo of `login`: same once spaces/case are ignored, or ≤ 2 edits away. */
export function looksLikeTypo(typed: string, login: string): boolean {
  const raw = typed.trim().toLowerCase();
  return raw !== login && (compactLogin(raw) === login || typoDistance(raw, login) <= 2);
}

/** 0 when only spaces or case differ, else the edit distance (capped at 3). */
export function typoDistance(typed: string, login: string): number {
  return compactLogin(typed) === login ? 0 : editDistance(compactLogin(typed), login, 2);
}
