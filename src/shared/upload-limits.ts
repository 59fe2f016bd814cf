// Upload limits, shared by the browser (checked before sending), src/proxy.ts (413 before the body is read) and the
// use cases.

/** A document or a CSV import: 10 Mo. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** A form's whole body: the file, its few fields and the multipart framing. */
export const MAX_REQUEST_BYTES = MAX_FILE_BYTES + 256 * 1024;

export const TOO_LARGE_MESSAGE =
  'Le fichier dépasse 10 Mo : il n’a pas été envoyé. Réduisez-le (PDF compressé, image moins lourde) ou découpez le fichier CSV en plusieurs, puis réessayez.';

/** The first file of a form that is over the limit, if any. */
export function tooLargeFile(form: FormData): File | null {
  for (const value of form.values()) if (value instanceof File && value.size > MAX_FILE_BYTES) return value;
  return null;
}
