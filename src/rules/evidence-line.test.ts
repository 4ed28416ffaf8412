import { describe, expect, it } from 'vitest';
import { evidenceLine } from './evidence-line.js';

describe('evidenceLine', () => {
  it('puts the text on one line and cuts it at 160 characters', () => {
    expect(evidenceLine('  DROP TABLE\n    orders ;\t')).toBe('DROP TABLE orders ;');
    const long = evidenceLine(`DELETE FROM ${'x'.repeat(300)}`);
    expect(long).toHaveLength(160);
    expect(long.endsWith('…')).toBe(true);
  });
});
