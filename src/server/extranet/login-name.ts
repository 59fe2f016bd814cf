/** How an identifiant typed by a person is matched: surrounding spaces and case are ignored. */
export function normalizeLogin(input: string): string {
  return input.trim().toLowerCase();
}
