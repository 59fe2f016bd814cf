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
