import { healthResponse } from '@/server/http/health';

// GET /api/sante: is the service usable right now? The error pages ask it to tell an outage ("Service
// momentanément indisponible") from a bug; a load balancer can ask it too.
export const dynamic = 'force-dynamic';

export const GET = healthResponse;
