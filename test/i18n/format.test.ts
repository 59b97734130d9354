// formatBytes: the storage use the backup screen shows, in each language's own form.

import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/i18n/format';

describe('formatBytes', () => {
  it('megabytes below 1 GB, gigabytes from it, one decimal at most', () => {
    expect(formatBytes(7_800_000, 'en')).toBe('7.8 MB');
    expect(formatBytes(10_700_000_000, 'en')).toBe('10.7 GB');
    expect(formatBytes(999_999_999, 'en')).toBe('1,000 MB');
    expect(formatBytes(0, 'en')).toBe('0 MB');
  });

  it('in Japanese as Japanese writes it', () => {
    expect(formatBytes(7_800_000, 'ja')).toBe('7.8 MB');
    expect(formatBytes(10_700_000_000, 'ja')).toBe('10.7 GB');
  });
});
