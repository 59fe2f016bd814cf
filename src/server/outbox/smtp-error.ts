import 'server-only';

type SendError = {
  code?: string;
  errno?: string | number;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
};

/**
 * Turns a nodemailer failure into the sentence staff read in the "Échec" column: what happened, in plain French,
 * with the server's own code and words kept in brackets for whoever administers the relay.
 */
export function describeSendError(error: unknown): string {
  const e = (error ?? {}) as SendError;
  const detail = (e.response ?? e.message ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (e.responseCode && e.responseCode >= 400) {
    const temporary = e.responseCode < 500 ? ' temporairement' : '';
    const reply = `(${detail.startsWith(String(e.responseCode)) ? detail : `${e.responseCode} ${detail}`})`;
    if (e.code === 'EAUTH') return `Le serveur de messagerie a refusé l'identifiant ou le mot de passe SMTP ${reply}`;
    if (e.code === 'EENVELOPE' || /^RCPT/i.test(e.command ?? ''))
      return `Le serveur de messagerie a${temporary} refusé l'adresse ${reply}`;
    return `Le serveur de messagerie a${temporary} refusé le message ${reply}`;
  }
  if (e.code === 'ETIMEDOUT') return "Délai dépassé : le serveur de messagerie n'a pas répondu à temps";
  if (e.code === 'EDNS') return `Serveur de messagerie introuvable (nom inconnu : ${detail})`;
  if (e.code === 'ETLS') return `Échec de la connexion chiffrée (TLS) avec le serveur de messagerie (${detail})`;
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH')
    return `Le serveur de messagerie a refusé l'identifiant ou le mot de passe SMTP (${detail})`;
  if (e.code === 'ESOCKET' || e.code === 'ECONNECTION' || e.errno === 'ECONNREFUSED') {
    return /ECONNREFUSED/.test(detail) || e.errno === 'ECONNREFUSED'
      ? 'Serveur de messagerie injoignable (connexion refusée)'
      : `Serveur de messagerie injoignable (${detail})`;
  }
  return `Erreur d'envoi : ${detail || 'cause inconnue'}`;
}

/**
 * How the dispatcher treats a failure (decision 021). A 5xx answer is the server's final word about this message
 * (unknown recipient, refused content): retrying cannot help, so "Échec" at once with the reason. A 4xx answer, a
 * refused or dropped connection, a connection or greeting timeout: temporary, retried with backoff. An SMTP
 * authentication failure is about our configuration, not the mail: retried, so that fixing SMTP_URL lets every
 * mail leave. The socket going silent once the conversation was under way ("Timeout") is, in practice, the wait for
 * the answer to the end of DATA, the one phase where servers take long: the server may have accepted the message,
 * so it is "maybe delivered" and retried only once.
 */
export function classifySendError(error: unknown): 'permanent' | 'temporary' | 'maybe-delivered' {
  const e = (error ?? {}) as SendError;
  if (e.code === 'EAUTH') return 'temporary';
  if (e.responseCode && e.responseCode >= 500) return 'permanent';
  if (e.code === 'ETIMEDOUT' && /^Timeout\b/.test(e.message ?? '')) return 'maybe-delivered';
  return 'temporary';
}
