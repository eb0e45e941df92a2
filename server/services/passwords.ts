/**
 * Passwords: scrypt with a per-user salt (OWASP: N=2^17, r=8, p=1 by default), compared in constant
 * time, and refused when short or common. The stored form carries its own parameters, so the cost
 * can rise later without breaking old hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldProblem } from '../domain/field-problems.ts';

export const DEFAULT_SCRYPT_COST = 2 ** 17;
const KEY_LENGTH = 32;

const derive = (password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });

export async function hashPassword(password: string, cost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, 8, 1);
  return ['scrypt', cost, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when the password matches the stored hash. Takes as long for a missing hash (null). */
export async function verifyPassword(password: string, stored: string | null, cost = DEFAULT_SCRYPT_COST): Promise<boolean> {
  // With no account (or no password), compare against a throwaway hash so the timing says nothing.
  const [kind, N, r, p, salt, key] = (stored ?? `scrypt$${cost}$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`).split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(N), Number(r), Number(p));
  return stored !== null && expected.length === actual.length && timingSafeEqual(expected, actual);
}

const COMMON = new Set(dictionary['passwords-common'].map((p: string) => p.toLowerCase()));

/** Why a password is not acceptable, as field problems (empty when it is fine). */
export function passwordProblems(password: string, email: string | null, path: string): FieldProblem[] {
  const lower = password.toLowerCase();
  const problems: string[] = [];
  if (password.length < 12) problems.push('at least 12 characters');
  // A common password stays common with digits or symbols around it ("Password2024!").
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (COMMON.has(lower) || (core.length >= 4 && COMMON.has(core))) problems.push('is a commonly used password');
  if (/^(.)\1+$/.test(password)) problems.push('is one character repeated');
  if (email) {
    const local = email.toLowerCase().split('@')[0]!;
    if (lower === email.toLowerCase() || (local.length >= 4 && core === local)) problems.push('is too close to the e-mail address');
  }
  return problems.map((message) => ({ path, message }));
}
