import { handlers } from '@/server/staff/staff-auth';

export const { GET, POST } = handlers;
