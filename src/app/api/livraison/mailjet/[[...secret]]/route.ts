import { receiveWebhook } from '@/server/delivery/receive-webhook';

// Mailjet's delivery events (docs/decisions/022): POST /api/livraison/mailjet with basic auth, or /api/livraison/mailjet/<secret>.
export async function POST(request: Request, context: { params: Promise<{ secret?: string[] }> }): Promise<Response> {
  const { secret } = await context.params;
  return receiveWebhook('mailjet', request, secret?.join('/'));
}
