import 'server-only';
import { z } from 'zod';
import { ZNewPassword } from '@/server/extranet/change-password';

export const ZRole = z.enum(['ADMIN', 'GESTIONNAIRE', 'SUPPORT'], { error: 'Choisissez un rôle.' });
export const ZStaffId = z.object({ staffId: z.string().min(1).max(64) });
export const ZStaffRole = ZStaffId.extend({ role: ZRole });

export const ZInvitation = z.object({
  name: z.string().trim().min(1, 'Saisissez le nom de la personne.').max(120, 'Le nom fait au plus 120 caractères.'),
  email: z
    .email('Saisissez une adresse e-mail valide, par exemple prenom.nom@agence.fr.')
    .max(320)
    .transform((v) => v.trim().toLowerCase()),
  role: ZRole,
});

export const ZStaffLinkPassword = ZNewPassword.extend({ jeton: z.string().min(1).max(200) });
