import { describe, expect, it } from 'vitest';
import { setupToken, urlWith } from '../../web/urls.ts';

describe('urlWith', () => {
  it('leaves out empty values', () => {
    expect(urlWith('/', { sort: 'risk', asOf: '', dir: undefined })).toBe('/?sort=risk');
    expect(urlWith('/vendors/1', {})).toBe('/vendors/1');
  });
});

describe('setupToken', () => {
  it('reads the token from the fragment, never from the query', () => {
    expect(setupToken('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(setupToken('')).toBe('');
    expect(setupToken('#other=1')).toBe('');
  });
});
