import 'server-only';
import { getConfig } from '@/server/config';

/**
 * An absolute link into the app, as a mail or a letter carries it: APP_URL + the page, and the link's token as
 * `jeton` when there is one (encoded, whatever its alphabet).
 */
export function appLink(path: `/${string}`, token?: string): string {
  const url = `${getConfig().appUrl}${path}`;
  return token === undefined ? url : `${url}?jeton=${encodeURIComponent(token)}`;
}
