import { describe, expect, it } from 'vitest';
import { ROLES } from '../../server/domain/account.ts';
import { atLeast, canEdit, isAdmin, ROLES_LOW_FIRST, rolesUpTo } from '../../web/roles.ts';

describe('roles in the web app', () => {
  it('ranks the roles as the server does', () => {
    expect(ROLES_LOW_FIRST).toEqual(ROLES);
    expect(atLeast('admin', 'analyst')).toBe(true);
    expect(atLeast('analyst', 'analyst')).toBe(true);
    expect(atLeast('viewer', 'analyst')).toBe(false);
  });

  it('offers edit controls to analysts and admins only', () => {
    expect([canEdit('viewer'), canEdit('analyst'), canEdit('admin'), canEdit(null), canEdit(undefined)]).toEqual([false, true, true, false, false]);
  });

  it('knows admins', () => {
    expect(ROLES_LOW_FIRST.filter(isAdmin)).toEqual(['admin']);
  });

  it('offers a token any role up to the one the user acts with', () => {
    expect(rolesUpTo('viewer')).toEqual(['viewer']);
    expect(rolesUpTo('analyst')).toEqual(['viewer', 'analyst']);
    expect(rolesUpTo('admin')).toEqual(['viewer', 'analyst', 'admin']);
  });
});
