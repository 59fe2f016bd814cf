import { describe, expect, it } from 'vitest';
import { escapeHtml } from '@/shared/html';

describe('escapeHtml, the one escaper of hand-written mail HTML', () => {
  it('escapes what could end an element or an attribute quoted with " or \'', () => {
    expect(escapeHtml(`<a href='x' title="y">L'Agence & fils</a>`)).toBe(
      '&lt;a href=&#x27;x&#x27; title=&quot;y&quot;&gt;L&#x27;Agence &amp; fils&lt;/a&gt;',
    );
  });
});
