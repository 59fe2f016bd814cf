import 'server-only';
import { z } from 'zod';

/** The ticked mails of the Centre d'envoi. */
export const ZMailIds = z.object({
  ids: z.preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z
      .array(z.string().min(1).max(64))
      .min(1, 'Sélectionnez au moins un mail.')
      .max(500, 'Sélectionnez au plus 500 mails à la fois.'),
  ),
});
