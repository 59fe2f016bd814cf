import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { executeStaffAction, MESSAGES } from '@/server/auth/staff-action';
import { db } from '@/server/db';
import { staffDocumentResponse } from '@/server/documents/document-response';
import { getDocumentStorage } from '@/server/documents/storage';
import { NotFoundError } from '@/server/errors';
import { getMyDocument, listMyDocuments } from '@/server/extranet/my-documents';
import { createPropertyWithLease, createStaffUser, createTiers } from '../factories';
import { fileOf, PDF_BYTES, PNG_BYTES, snapshotCounts } from '../factories/tiers';
import { deleteDocumentAction, setDocumentVisibilityAction, uploadDocumentAction } from '@/server/documents/actions';

describe('document upload', () => {
  it('stores a real PDF with its sha256, journals it, and staff download it streamed with safe headers', async () => {
    const staff = await createStaffUser();
    const t = await createTiers();
    const result = await executeStaffAction(
      uploadDocumentAction,
      staff,
      {
        targetType: 'tiers',
        targetId: t.id,
        category: 'QUITTANCE',
        title: 'Quittance mars 2026',
        visibleOnExtranet: 'on',
        file: fileOf(PDF_BYTES, 'quittance-mars été.pdf'),
      },
      '198.51.100.2',
    );
    expect(result).toMatchObject({ ok: true, message: 'Le document « Quittance mars 2026 » est enregistré.' });
    const id = (result as { data: { id: string } }).data.id;
    const doc = await db.document.findUniqueOrThrow({ where: { id } });
    expect(doc).toMatchObject({
      tiersId: t.id,
      category: 'QUITTANCE',
      mimeType: 'application/pdf',
      sizeBytes: PDF_BYTES.length,
      visibleOnExtranet: true,
      uploadedById: staff.id,
      sha256: createHash('sha256').update(PDF_BYTES).digest('hex'),
    });
    expect(
      await db.auditEvent.findFirst({
        where: { type: 'document.uploaded', targetId: id },
        select: { tiersId: true, ip: true },
      }),
    ).toEqual({ tiersId: t.id, ip: '198.51.100.2' });

    const response = await staffDocumentResponse(id);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="quittance-mars _t_.pdf"; filename*=UTF-8''${encodeURIComponent('quittance-mars été.pdf')}`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF_BYTES);
  });

  it('attaches images to a bien or a bail, hidden from the extranet when unticked', async () => {
    const staff = await createStaffUser();
    const { property, lease, tenantIds, ownerId } = await createPropertyWithLease();
    const onProperty = await executeStaffAction(
      uploadDocumentAction,
      staff,
      {
        targetType: 'property',
        targetId: property.id,
        category: 'ETAT_DES_LIEUX',
        file: fileOf(PNG_BYTES, 'entrée.PNG'),
      },
      null,
    );
    const onLease = await executeStaffAction(
      uploadDocumentAction,
      staff,
      { targetType: 'lease', targetId: lease.id, category: 'BAIL', file: fileOf(PDF_BYTES, 'bail.pdf') },
      null,
    );
    const docs = await db.document.findMany({
      where: { id: { in: [onProperty, onLease].map((r) => (r as { data: { id: string } }).data.id) } },
      orderBy: { createdAt: 'asc' },
    });
    expect(docs.map((d) => [d.propertyId, d.leaseId, d.mimeType, d.visibleOnExtranet, d.title])).toEqual([
      [property.id, null, 'image/png', false, 'entrée'],
      [null, lease.id, 'application/pdf', false, 'bail'],
    ]);
    const events = await db.auditEvent.findMany({
      where: { type: 'document.uploaded', targetId: { in: docs.map((d) => d.id) } },
      select: { tiersId: true },
    });
    expect(events.map((e) => e.tiersId).sort()).toEqual([ownerId, tenantIds[0]].sort());
  });

  it('refuses a file named .pdf whose content is not a PDF, a wrong type, an empty or too large file, and keeps nothing', async () => {
    const staff = await createStaffUser();
    const t = await createTiers();
    const before = await snapshotCounts();
    const upload = (file: File) =>
      executeStaffAction(
        uploadDocumentAction,
        staff,
        { targetType: 'tiers', targetId: t.id, category: 'AUTRE', file },
        null,
      );
    expect(
      await upload(
        fileOf(new TextEncoder().encode('MZ\x90\x00 this is an executable'), 'facture.pdf', 'application/pdf'),
      ),
    ).toEqual({
      ok: false,
      error:
        "Le fichier « facture.pdf » n'est pas un vrai PDF : son contenu ne correspond pas à son nom. Envoyez le document d'origine en PDF, PNG ou JPEG.",
    });
    expect(await upload(fileOf(PNG_BYTES, 'photo.pdf'))).toMatchObject({
      ok: false,
      error: expect.stringContaining("n'est pas un vrai PDF"),
    });
    expect(await upload(fileOf(PDF_BYTES, 'notes.docx'))).toEqual({
      ok: false,
      error: "Le fichier « notes.docx » n'est pas accepté : envoyez un PDF, un PNG ou un JPEG.",
    });
    expect(await upload(fileOf(new Uint8Array(0), 'vide.pdf'))).toEqual({
      ok: false,
      error: 'Le fichier « vide.pdf » est vide : choisissez un autre fichier.',
    });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF_BYTES);
    expect(await upload(fileOf(big, 'gros.pdf'))).toEqual({
      ok: false,
      error:
        'Le fichier « gros.pdf » dépasse 10 Mo : réduisez sa taille (PDF compressé, image moins lourde) puis réessayez.',
    });
    expect(await upload(fileOf(new Uint8Array(0), ''))).toEqual({
      ok: false,
      error: 'Choisissez un fichier à envoyer (PDF, PNG ou JPEG, 10 Mo au maximum).',
    });
    expect(
      await executeStaffAction(
        uploadDocumentAction,
        staff,
        { targetType: 'tiers', targetId: 'inconnu', category: 'AUTRE', file: fileOf(PDF_BYTES, 'a.pdf') },
        null,
      ),
    ).toEqual({ ok: false, error: MESSAGES.notFound });
    expect(await snapshotCounts()).toEqual(before);
  });

  it('answers not found for an unknown document, and for a record whose file is gone', async () => {
    await expect(staffDocumentResponse('does-not-exist')).rejects.toBeInstanceOf(NotFoundError);
    const staff = await createStaffUser();
    const t = await createTiers();
    const result = await executeStaffAction(
      uploadDocumentAction,
      staff,
      { targetType: 'tiers', targetId: t.id, category: 'AUTRE', file: fileOf(PDF_BYTES, 'a.pdf') },
      null,
    );
    const doc = await db.document.findUniqueOrThrow({ where: { id: (result as { data: { id: string } }).data.id } });
    await getDocumentStorage().remove(doc.storageKey);
    await expect(staffDocumentResponse(doc.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('managing a document after upload', () => {
  async function uploadedFor(tenant: { id: string }) {
    const staff = await createStaffUser();
    const result = await executeStaffAction(
      uploadDocumentAction,
      staff,
      {
        targetType: 'tiers',
        targetId: tenant.id,
        category: 'QUITTANCE',
        title: 'Quittance avril',
        visibleOnExtranet: 'on',
        file: fileOf(PDF_BYTES, 'avril.pdf'),
      },
      null,
    );
    return { staff, id: (result as { data: { id: string } }).data.id };
  }
  const tenantSees = async (tiersId: string) =>
    (await listMyDocuments({ tiersId, kind: 'LOCATAIRE' })).map((d) => d.title);

  it('hides a document from the extranet and shows it again, each change journaled', async () => {
    const tenant = await createTiers();
    const { staff, id } = await uploadedFor(tenant);
    expect(await tenantSees(tenant.id)).toEqual(['Quittance avril']);
    expect(await executeStaffAction(setDocumentVisibilityAction, staff, { id, visible: 'false' }, null)).toEqual({
      ok: true,
      message: "« Quittance avril » n'est plus visible sur l'extranet.",
    });
    expect(await tenantSees(tenant.id)).toEqual([]);
    await expect(getMyDocument({ tiersId: tenant.id, kind: 'LOCATAIRE' }, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await executeStaffAction(setDocumentVisibilityAction, staff, { id, visible: 'true' }, null)).toEqual({
      ok: true,
      message: "« Quittance avril » est visible sur l'extranet.",
    });
    expect(await tenantSees(tenant.id)).toEqual(['Quittance avril']);
    const events = await db.auditEvent.findMany({
      where: { type: 'document.visibility_changed', targetId: id },
      orderBy: { id: 'asc' },
      select: { tiersId: true, details: true },
    });
    expect(events).toEqual([
      { tiersId: tenant.id, details: { title: 'Quittance avril', visibleOnExtranet: false } },
      { tiersId: tenant.id, details: { title: 'Quittance avril', visibleOnExtranet: true } },
    ]);
    // Asking for the state it already has changes nothing and records nothing.
    await executeStaffAction(setDocumentVisibilityAction, staff, { id, visible: 'true' }, null);
    expect(await db.auditEvent.count({ where: { type: 'document.visibility_changed', targetId: id } })).toBe(2);
  });

  it('deletes the record and its file, and the journal keeps what was deleted', async () => {
    const tenant = await createTiers();
    const { staff, id } = await uploadedFor(tenant);
    const doc = await db.document.findUniqueOrThrow({ where: { id } });
    expect(await executeStaffAction(deleteDocumentAction, staff, { id }, null)).toEqual({
      ok: true,
      message: 'Le document « Quittance avril » est supprimé.',
    });
    expect(await db.document.findUnique({ where: { id } })).toBeNull();
    await expect(getDocumentStorage().read(doc.storageKey)).rejects.toThrow();
    await expect(staffDocumentResponse(id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await tenantSees(tenant.id)).toEqual([]);
    expect(
      await db.auditEvent.findFirst({
        where: { type: 'document.deleted', targetId: id },
        select: { tiersId: true, details: true },
      }),
    ).toEqual({
      tiersId: tenant.id,
      details: {
        title: 'Quittance avril',
        fileName: 'avril.pdf',
        category: 'QUITTANCE',
        sha256: doc.sha256,
        sizeBytes: PDF_BYTES.length,
      },
    });
    expect(await executeStaffAction(deleteDocumentAction, staff, { id }, null)).toEqual({
      ok: false,
      error: MESSAGES.notFound,
    });
  });

  it('refuses SUPPORT both changes, and changes nothing', async () => {
    const tenant = await createTiers();
    const { id } = await uploadedFor(tenant);
    const support = await createStaffUser({ role: 'SUPPORT' });
    const before = await snapshotCounts();
    expect(await executeStaffAction(setDocumentVisibilityAction, support, { id, visible: 'false' }, null)).toEqual({
      ok: false,
      error: MESSAGES.forbidden,
    });
    expect(await executeStaffAction(deleteDocumentAction, support, { id }, null)).toEqual({
      ok: false,
      error: MESSAGES.forbidden,
    });
    expect(await db.document.findUniqueOrThrow({ where: { id } })).toMatchObject({ visibleOnExtranet: true });
    expect(await snapshotCounts()).toEqual(before);
  });
});
