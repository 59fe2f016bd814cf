import { describe, expect, it } from 'vitest';
import { countLabel } from '@/shared/plural';

describe('countLabel, the one French count of every message', () => {
  it('agrees in French (0 and 1 singular) and groups thousands as French does', () => {
    expect(countLabel(0, 'mail envoyé', 'mails envoyés')).toBe('0 mail envoyé');
    expect(countLabel(1, 'mail envoyé', 'mails envoyés')).toBe('1 mail envoyé');
    expect(countLabel(2, 'ligne refusée', 'lignes refusées')).toBe('2 lignes refusées');
    // The centre d'envoi and the import used to write "1234"; the access messages "1 234" (narrow no-break space).
    expect(countLabel(1234, 'mail envoyé', 'mails envoyés')).toBe('1\u202f234 mails envoyés');
  });
});
