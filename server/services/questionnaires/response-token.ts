/**
 * Response tokens: 32 random bytes (base64url, 43 characters), shown once in the link and kept
 * only as their SHA-256 (hex). A token that does not have the shape is refused before any lookup.
 */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newResponseToken = (): string => randomBytes(32).toString('base64url');

export const hashResponseToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** The response link: the token travels in the fragment, which browsers never send to a server. */
export const responseLink = (origin: string, token: string): string => `${origin}/respond#token=${token}`;
