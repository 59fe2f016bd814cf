// Next calls register() once per server process. The in-app dispatcher runs only in the Node runtime (it needs
// sockets, the database and the filesystem); `npm run worker` runs more of them as separate processes. No
// shutdown hook: Next owns the signals, and the lease of mails held by a stopped process simply expires.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // The client address is the socket's unless it comes through a trusted proxy (src/server/http/client-ip.ts).
  const { recordPeerAddresses } = await import('@/server/http/peer-address');
  recordPeerAddresses();
  const { startInAppDispatcher } = await import('@/server/outbox/in-app-dispatcher');
  startInAppDispatcher();
  const { startResetRequestWorker } = await import('@/server/extranet/reset-request-worker');
  startResetRequestWorker();
  // BOUNCE_IMAP_URL: DSN bounces read from the agency's mailbox (docs/decisions/022).
  const { startBouncePoller } = await import('@/server/delivery/poll-bounce-mailbox');
  startBouncePoller();
}
