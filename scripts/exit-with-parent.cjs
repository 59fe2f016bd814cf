// Preloaded into the `next start` process by npm start (scripts/start.ts): when npm start goes away, even by
// SIGKILL, the IPC channel closes and the server exits, so it never holds the port after its supervisor is gone.
if (process.channel) {
  process.channel.unref();
  process.on('disconnect', () => process.exit(0));
}
