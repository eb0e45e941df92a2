import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApiError } from '../../web/api/api-error.ts';
import { deleteConfirmed, deletionConsequences, newVendorBody, newVendorFieldErrors } from '../../web/vendor-form.ts';
import { vendorInput } from '../../server/domain/vendor.ts';

const form = (entries: Array<[string, string]>): FormData => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

const filled: Array<[string, string]> = [
  ['name', ' Acme Identity '],
  ['category', 'identity provider'],
  ['website', ''],
  ['tier', '2'],
  ['dataAccess', 'confidential'],
  ['environmentAccess', 'identity-provider'],
  ['status', 'proposed'],
  ['businessOwner', ''],
  ['nextReviewOn', '2027-03-31'],
  ['notes', ''],
  ['aliases', 'Acme Corp\n\n  Acme Inc  '],
];

describe('newVendorBody', () => {
  it('reads a filled form into a body the server takes: empty optional text is null, one alias a line', () => {
    const body = newVendorBody(form(filled));
    expect(body).toEqual({
      name: 'Acme Identity',
      category: 'identity provider',
      website: null,
      tier: 2,
      dataAccess: 'confidential',
      environmentAccess: 'identity-provider',
      status: 'proposed',
      businessOwner: null,
      nextReviewOn: '2027-03-31',
      notes: null,
      aliases: ['Acme Corp', 'Acme Inc'],
    });
    expect(vendorInput.safeParse(body).success).toBe(true);
  });

  it('leaves out a tier or access not chosen, so that the server names it as required', () => {
    const body = newVendorBody(form(filled.map(([k, v]) => [k, ['tier', 'dataAccess', 'environmentAccess'].includes(k) ? '' : v])));
    expect(body).not.toHaveProperty('tier');
    expect(body).not.toHaveProperty('dataAccess');
    expect(body).not.toHaveProperty('environmentAccess');
    const r = vendorInput.safeParse(body);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['dataAccess', 'environmentAccess', 'tier']);
  });

  it('sends an empty name as typed, for the server to refuse beside the field', () => {
    expect(newVendorBody(form([['name', '  ']])).name).toBe('');
  });
});

describe('newVendorFieldErrors', () => {
  it('puts each refusal beside its field in words, an alias naming its line', () => {
    const sent = newVendorBody(form(filled));
    const e = new ApiError(409, 'vendor-name-taken', 'taken', [
      { path: 'body.name', message: 'already taken' },
      { path: 'body.aliases.1', message: 'already taken by Other' },
    ]);
    expect(newVendorFieldErrors(e, sent)).toEqual({ name: 'Name is already taken.', aliases: '“Acme Inc” (line 2) is already taken by Other.' });
    expect(newVendorFieldErrors(new Error('offline'), sent)).toEqual({});
  });
});

describe('deleting a vendor', () => {
  it('is confirmed by its name, case and spacing aside, and by nothing else', () => {
    expect(deleteConfirmed('Acme Identity', 'acme  identity ')).toBe(true);
    expect(deleteConfirmed('Acme Identity', 'Acme')).toBe(false);
    expect(deleteConfirmed('Acme Identity', '')).toBe(false);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (name, typed) => {
        const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
        if (key(name) === '') return true;
        expect(deleteConfirmed(name, typed)).toBe(key(typed) === key(name));
        expect(deleteConfirmed(name, ` ${name.toUpperCase()} `)).toBe(key(name.toUpperCase()) === key(name));
        return true;
      }),
    );
  });

  it('says what goes with the vendor, its incidents counted', () => {
    expect(deletionConsequences({ name: 'Okta', incidentCount: 0 })).toMatch(/^Deleting Okta removes it, its subprocessors/);
    expect(deletionConsequences({ name: 'Okta', incidentCount: 1 })).toMatch(/removes it and its incident,/);
    expect(deletionConsequences({ name: 'Okta', incidentCount: 3 })).toMatch(/removes it and its 3 incidents,/);
    expect(deletionConsequences({ name: 'Okta', incidentCount: 0 })).toMatch(/audit log keeps a copy.*deleted vendors/);
  });
});
