import type { CredentialDeliveryMode } from '@/generated/prisma/enums';

/** How credentials reach a person, and how long a temporary password lasts: set by ADMIN in Paramètres. */
export type CredentialSettings = { deliveryMode: CredentialDeliveryMode; temporaryPasswordDays: number };
