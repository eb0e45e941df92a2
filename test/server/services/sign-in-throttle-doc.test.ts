/** The throttle's numbers as README (Security) and docs/API.md state them are the code's. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { DEFAULT_THROTTLE as T } from '../../../server/services/sign-in-throttle.ts';

const read = (p: string) => readFileSync(`${PROJECT_ROOT}/${p}`, 'utf8').replace(/\s+/g, ' ');
const minutes = T.windowSeconds / 60;

describe('the sign-in throttle as documented', () => {
  it('README says the code’s limits', () => {
    const readme = read('README.md');
    expect(readme).toContain(`${T.perAccountAddress} failures within ${minutes} minutes make that address wait`);
    expect(readme).toContain(
      `after ${T.accountFreeFailures} failures within ${minutes} minutes, each further attempt waits ${T.backoffBaseSeconds}, ${2 * T.backoffBaseSeconds}, ${4 * T.backoffBaseSeconds} … seconds`,
    );
    expect(readme).toContain(`**at most ${T.backoffMaxSeconds} seconds**`);
    expect(readme).toContain(`after ${T.addressFreeFailures} failures within ${minutes} minutes the same backoff, at most ${T.backoffMaxSeconds} seconds`);
    expect(readme).toContain(`At most **${T.hashConcurrency} password hashes run at once** and ${T.hashQueue} wait their turn`);
  });

  it('docs/API.md says the code’s limits', () => {
    const api = read('docs/API.md');
    expect(api).toContain(`| ${T.perAccountAddress} failures in ${minutes} min | that address waits until the oldest of them is ${minutes} min old |`);
    expect(api).toContain(
      `| ${T.accountFreeFailures} failures in ${minutes} min | each attempt waits ${T.backoffBaseSeconds}, ${2 * T.backoffBaseSeconds}, ${4 * T.backoffBaseSeconds} … s after the latest failure, at most ${T.backoffMaxSeconds} s |`,
    );
    expect(api).toContain(`| ${T.addressFreeFailures} failures in ${minutes} min | the same backoff, at most ${T.backoffMaxSeconds} s |`);
    expect(api).toContain(`| ${T.hashConcurrency} hashing, ${T.hashQueue} waiting | refused at once, \`Retry-After: 1\` |`);
  });
});
