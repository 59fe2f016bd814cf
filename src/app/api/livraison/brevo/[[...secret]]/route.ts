import { receiveWebhook } from '@/server/delivery/receive-webhook';

// Brevo's delivery events (docs/decisions/022): POST /api/livraison/brevo with basic auth, or /api/livraison/brevo/<secret>.
export async function POST(request: Request, context: { params: Promise<{ secret?: string[] }> }): Promise<Response> {
  const { secret } = await context.params;
  return receiveWebhook('brevo', request, secret?.join('/'));
}
