// Text placed into HTML written by hand (mail bodies, stand-ins filled after React rendered): the five characters
// that could end an element or an attribute, quoted with " or ', are escaped.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
