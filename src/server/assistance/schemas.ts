import 'server-only';
import { z } from 'zod';

export const ZMessageStatusFilter = z.enum(['NEW', 'HANDLED', 'ALL']).catch('NEW');

export const ZAssignMessage = z.object({
  messageId: z.string().min(1),
  staffId: z.string().min(1, 'Choisissez la personne à qui confier ce message.'),
});

export const ZMessageId = z.object({ messageId: z.string().min(1) });
