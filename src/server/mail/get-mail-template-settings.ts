import 'server-only';
import type { TiersKind } from '@/generated/prisma/enums';
import { db } from '@/server/db';
import { loadAgency } from './render-mail';
import { defaultTemplate, TEMPLATE_VARIABLES, type TemplateMailType } from './templates';

/** What the Paramètres → Mails page shows for one template: the text in use and whether the agency changed it. */
export async function getMailTemplateSettings(type: TemplateMailType, audience: TiersKind) {
  const [agency, custom] = await Promise.all([
    loadAgency(db),
    db.mailTemplate.findUnique({
      where: { type_audience: { type, audience } },
      select: { subject: true, intro: true, updatedAt: true },
    }),
  ]);
  return {
    agency,
    template: custom ?? defaultTemplate(type, audience),
    customizedAt: custom?.updatedAt ?? null,
    variables: TEMPLATE_VARIABLES,
  };
}
