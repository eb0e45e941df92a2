/**
 * Roles as the server ranks them, viewer < analyst < admin, PURE. The server's own helpers live in
 * server/domain/account.ts, which the web may only take types from, so the order is restated here;
 * the `satisfies` and the Record keys make a new role a type error until it is placed.
 */
import type { Role } from '../server/domain/account.ts';

export const ROLES_LOW_FIRST = ['viewer', 'analyst', 'admin'] as const satisfies readonly Role[];

export const ROLE_LABEL: Readonly<Record<Role, string>> = { viewer: 'Viewer', analyst: 'Analyst', admin: 'Admin' };

/** What each role may do, in the words the account and user pages use. */
export const ROLE_MEANING: Readonly<Record<Role, string>> = {
  viewer: 'reads everything',
  analyst: 'reads, and edits vendors and their evidence',
  admin: 'also manages users, the methodology and the audit log',
};

const rank = (r: Role): number => ROLES_LOW_FIRST.indexOf(r);

export const atLeast = (have: Role, need: Role): boolean => rank(have) >= rank(need);

/** Whether edit controls (vendors, incidents, evidence) are offered: analysts and admins. */
export const canEdit = (role: Role | null | undefined): boolean => !!role && atLeast(role, 'analyst');

export const isAdmin = (role: Role | null | undefined): boolean => role === 'admin';

/** The roles a token may be given by someone acting as `role`: that one and every lower one. */
export const rolesUpTo = (role: Role): Role[] => ROLES_LOW_FIRST.filter((r) => atLeast(role, r));
