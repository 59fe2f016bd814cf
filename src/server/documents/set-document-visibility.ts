import 'server-only';
import { recordEvent } from '@/server/journal/record-event';
import type { StaffAudit } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { findDocument } from './find-document';

/** Shows a document on the extranet of the people it concerns, or hides it from them; journaled. */
export async function setDocumentVisibility(actor: StaffAudit, id: string, visible: boolean): Promise<string> {
  return db.$transaction(async (tx) => {
    const document = await findDocument(tx, id);
    const said = visible
      ? `« ${document.title} » est visible sur l'extranet.`
      : `« ${document.title} » n'est plus visible sur l'extranet.`;
    if (document.visibleOnExtranet === visible) return said;
    await tx.document.update({ where: { id: document.id }, data: { visibleOnExtranet: visible } });
    await recordEvent(tx, actor, {
      type: 'document.visibility_changed',
      tiersId: document.tiersId,
      targetId: document.id,
      details: { title: document.title, visibleOnExtranet: visible },
    });
    return said;
  });
}
