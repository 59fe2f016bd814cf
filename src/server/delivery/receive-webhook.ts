import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { getConfig } from '@/server/config';
import { clientIp } from '@/server/http/client-ip';
import { isDatabaseUnavailable, outageResponse } from '@/server/http/outage';
import { PayloadError, readProviderEvents, type Provider } from './read-provider-events';
import { recordDeliveryEvent, type DeliveryOutcome } from './record-delivery-event';

// POST /api/livraison/brevo and /api/livraison/mailjet (docs/decisions/022): the relay's events, authenticated by
// the secret of BREVO_WEBHOOK_SECRET / MAILJET_WEBHOOK_SECRET (as the password of HTTP basic auth, as a bearer
// token, or as the last segment of the URL) and by the source address (BREVO_WEBHOOK_SOURCES /
// MAILJET_WEBHOOK_SOURCES, the client address as src/server/http/client-ip.ts reads it). A body that cannot be read
// is a 400 with a short reason, never a 5xx: the relay would only retry it.

const NAMES: Record<Provider, string> = { brevo: 'Brevo', mailjet: 'Mailjet' };
const ENV: Record<Provider, string> = { brevo: 'BREVO', mailjet: 'MAILJET' };
/** Far above a batch of events; a larger body is refused before it is read whole. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

const answer = (status: number, body: object, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

export async function receiveWebhook(provider: Provider, request: Request, pathSecret?: string): Promise<Response> {
  const config = getConfig().webhooks[provider];
  if (!config.secret)
    return answer(404, {
      error: `Le webhook ${NAMES[provider]} n’est pas activé : définissez ${ENV[provider]}_WEBHOOK_SECRET.`,
    });
  if (config.sources) {
    const ip = clientIp(request.headers);
    if (!ip || !config.sources.check(ip, isIP(ip) === 4 ? 'ipv4' : 'ipv6'))
      return answer(403, {
        error: `Adresse source non autorisée : ajoutez-la à ${ENV[provider]}_WEBHOOK_SOURCES si elle est bien celle de ${NAMES[provider]}.`,
      });
  }
  if (!authenticated(request, config.secret, pathSecret))
    return answer(
      401,
      { error: `Secret du webhook absent ou erroné : reprenez l’URL donnée dans le README.` },
      { 'WWW-Authenticate': 'Basic realm="Trousseau", charset="UTF-8"' },
    );

  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES)
    return answer(413, { error: 'Corps trop grand : envoyez les événements par lots plus petits.' });
  let body: unknown;
  try {
    const raw = await request.text();
    if (raw.length > MAX_BODY_BYTES)
      return answer(413, { error: 'Corps trop grand : envoyez les événements par lots plus petits.' });
    body = JSON.parse(raw);
  } catch {
    return answer(400, { error: 'Corps illisible : un JSON est attendu.' });
  }
  let parsed;
  try {
    parsed = readProviderEvents(provider, body);
  } catch (error) {
    if (error instanceof PayloadError) return answer(400, { error: error.message });
    throw error;
  }

  const counts: Record<DeliveryOutcome, number> = { recorded: 0, duplicate: 0, unknown_mail: 0 };
  try {
    for (const event of parsed.events) counts[await recordDeliveryEvent(event)]++;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return outageResponse();
    throw error;
  }
  return answer(200, {
    recorded: counts.recorded,
    duplicates: counts.duplicate,
    unknownMails: counts.unknown_mail,
    ignored: parsed.ignored,
  });
}

const digest = (value: string) => createHash('sha256').update(value).digest();
const same = (given: string, secret: string) => timingSafeEqual(digest(given), digest(secret));

/** The secret as the last URL segment, the password of basic auth (any user name), or a bearer token. */
function authenticated(request: Request, secret: string, pathSecret: string | undefined): boolean {
  if (pathSecret !== undefined) return same(pathSecret, secret);
  const header = request.headers.get('authorization') ?? '';
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return same(value, secret);
  if (!/^basic$/i.test(scheme)) return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && same(decoded.slice(colon + 1), secret);
}
