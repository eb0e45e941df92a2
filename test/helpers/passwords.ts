/** A password and its hash at the tests' cheap scrypt cost, computed once per test file. */
import { hashPassword } from '../../server/services/passwords.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
export const TEST_PASSWORD_HASH = await hashPassword(TEST_PASSWORD, 1024);
