// What every server action answers (staff and extranet), read by the forms in the browser.

export type ActionResult<T = undefined> =
  { ok: true; message?: string; data?: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };
