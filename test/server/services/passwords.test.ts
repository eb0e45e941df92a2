import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from '../../../server/services/passwords.ts';

describe('password hashing', () => {
  it('uses scrypt with a per-user salt and its parameters in the stored form', async () => {
    const a = await hashPassword('correct horse battery staple', 1024);
    const b = await hashPassword('correct horse battery staple', 1024);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false);
  });

  it('says no, after the same work, when there is no hash to compare with', async () => {
    expect(await verifyPassword('anything at all here', null, 1024)).toBe(false);
    expect(await verifyPassword('anything at all here', 'md5$abc')).toBe(false);
  });

  it('uses the OWASP scrypt cost by default', async () => {
    expect((await hashPassword('correct horse battery staple')).split('$')[1]).toBe(String(2 ** 17));
  });
});

describe('password rules', () => {
  it.each([
    ['correct horse battery staple', []],
    ['xk7#qv', ['at least 12 characters']],
    ['qwertyuiopasdfgh', []],
    ['football2024!!', ['is a commonly used password']],
    ['zzzzzzzzzzzzzz', ['is one character repeated']],
    ['jane.doe.2024', ['is too close to the e-mail address']],
  ])('%j → %j', (password, expected) => {
    expect(passwordProblems(password, 'jane.doe@example.com', 'p').map((p) => p.message)).toEqual(expected);
  });
});
