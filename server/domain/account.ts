/** Accounts: roles, users, tokens, sessions, as the API shows them (never with a secret). */
import { z } from 'zod';
import { id, label, recordVersion, timestamp } from './fields.ts';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** viewer < analyst < admin. */
export const roleRank = (r: Role): number => ROLES.indexOf(r);
export const atLeast = (have: Role, need: Role): boolean => roleRank(have) >= roleRank(need);
export const lowerRole = (a: Role, b: Role): Role => (roleRank(a) <= roleRank(b) ? a : b);

export const email = z
  .email({ message: 'expected an e-mail address' })
  .max(254)
  .transform((e) => e.toLowerCase());

/** Length only; the common-password check needs the dictionary and lives in the service. */
export const password = z.string().min(12, 'at least 12 characters').max(256, 'at most 256 characters');

export const user = z
  .object({
    id,
    email: z.string(),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    hasPassword: z.boolean(),
    passkeys: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: recordVersion,
  })
  .meta({ id: 'User' });
export type User = z.output<typeof user>;

export const newUser = z.strictObject({ email, password, role: z.enum(ROLES) }).meta({ id: 'NewUser' });
export const userPatch = z
  .strictObject({ role: z.enum(ROLES), disabled: z.boolean() })
  .partial()
  .refine((o) => Object.keys(o).length > 0, { message: 'give at least one field to change' })
  .meta({ id: 'UserPatch' });

export const passwordChange = z
  .strictObject({
    currentPassword: z.string().max(256),
    newPassword: password,
    revokeTokens: z.boolean().default(false).meta({ description: 'Also revoke every API token of yours (scripts using them stop working); default false' }),
  })
  .meta({ id: 'PasswordChange' });

export const passwordReset = z
  .strictObject({ newPassword: password.meta({ description: "The user's new password; tell it to them another way" }) })
  .meta({ id: 'PasswordReset' });

export const passwordChanged = z
  .object({
    sessionsEnded: z.number().int().meta({ description: 'Sessions of the user that were ended (for a change: the other ones)' }),
    tokensRevoked: z.number().int().meta({ description: 'Live API tokens of the user that were revoked' }),
  })
  .meta({ id: 'PasswordChanged' });
export type PasswordChanged = z.output<typeof passwordChanged>;

export const credentials = z.strictObject({ email: z.string().max(254), password: z.string().max(256) }).meta({ id: 'Credentials' });

export const newToken = z
  .strictObject({
    name: label(100),
    role: z.enum(ROLES).meta({ description: 'No higher than your own' }),
    expiresInDays: z.number().int().min(1).max(365),
  })
  .meta({ id: 'NewToken' });

export const apiToken = z
  .object({
    id,
    userId: id,
    name: z.string(),
    role: z.enum(ROLES),
    createdAt: timestamp,
    expiresAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.output<typeof apiToken>;

export const session = z
  .object({
    id,
    userId: id,
    passkeyVerified: z.boolean(),
    createdAt: timestamp,
    lastSeenAt: timestamp,
    expiresAt: timestamp,
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'Session' });
export type Session = z.output<typeof session>;

export const passkey = z.object({ id, name: z.string(), createdAt: timestamp, lastUsedAt: timestamp.nullable() }).meta({ id: 'Passkey' });
export type Passkey = z.output<typeof passkey>;

export const auditEntry = z
  .object({
    id,
    at: timestamp,
    actor: z.string().meta({ description: 'E-mail of the user who acted, "system" or "anonymous"' }),
    actorId: id.nullable(),
    via: z.string().nullable().meta({ description: 'session, passkey, token:<name>, setup, cli…' }),
    action: z.string(),
    entity: z.string(),
    entityId: z.union([z.number(), z.string()]).nullable(),
    vendorId: id.nullable(),
    vendorName: z.string().nullable().meta({ description: "The vendor's name now; a deleted vendor's name when it was deleted" }),
    vendorDeleted: z.boolean().meta({ description: 'The vendor has been deleted since (its dossier is gone)' }),
    entityName: z
      .string()
      .nullable()
      .meta({ description: "The entity's name: a vendor's or user's now, otherwise as recorded in the entry (a name, a title or an e-mail)" }),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.output<typeof auditEntry>;

/** Who is acting, for the audit trail. */
export interface Actor {
  readonly userId: number | null;
  readonly label: string;
  readonly via: string | null;
}

export const SYSTEM: Actor = { userId: null, label: 'system', via: null };
