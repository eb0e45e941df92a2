/** Random secrets and their one-way hashes: what is handed out is never what is stored. */
import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random value, URL-safe. */
export const randomSecret = (prefix = ''): string => `${prefix}${randomBytes(32).toString('base64url')}`;

/** SHA-256 of a high-entropy secret (session id, API token, setup token). Not for passwords. */
export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');
