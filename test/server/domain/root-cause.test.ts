/**
 * Root causes and entry paths derived from the reference data's own fields (the rules of
 * docs/METHODOLOGY.md, "Root causes and entry paths"): every demo incident, as the methodology
 * reads it, and an analyst's choice over the derived one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveEntryPath, deriveRootCause, entryPathOf, rootCauseOf, type Classified } from '../../../server/domain/root-cause.ts';

const reference = JSON.parse(readFileSync(new URL('../../../data/seed/incidents.json', import.meta.url), 'utf8')) as {
  incidents: Array<Classified & { id: string }>;
};
const byId = new Map(reference.incidents.map((i) => [i.id, i]));

describe('derived root causes and entry paths of the demo incidents', () => {
  it.each([
    ['okta-2022-01-sitel', 'support-credential-theft', 'support-channel'],
    ['okta-2023-10-support-system', 'support-credential-theft', 'support-channel'],
    ['lastpass-2022-08-dev-environment', 'token-theft', 'employee'],
    ['lastpass-2022-vault-backups', 'exploited-vulnerability', 'employee'],
    ['circleci-2022-12-session-theft', 'token-theft', 'employee'],
    ['twilio-2022-08-0ktapus', 'support-social-engineering', 'support-channel'],
    ['cloudflare-2022-07-0ktapus-thwarted', 'employee-social-engineering', 'employee'],
    ['mailchimp-2022-03-support-tool', 'support-social-engineering', 'support-channel'],
    ['mailchimp-2022-08-crypto-accounts', 'support-social-engineering', 'support-channel'],
    ['progress-moveit-2023-05', 'exploited-vulnerability', 'product'],
    ['solarwinds-2020-sunburst', 'software-supply-chain', 'product'],
    ['kaseya-2021-07-vsa', 'exploited-vulnerability', 'product'],
    ['codecov-2021-bash-uploader', 'software-supply-chain', 'product'],
    ['3cx-2023-03-desktop-app', 'software-supply-chain', 'subprocessor'],
    ['snowflake-2024-unc5537', 'credential-stuffing', 'product'],
    ['change-healthcare-2024-02', 'stolen-credentials', 'employee'],
    ['microsoft-2023-storm-0558', 'token-forgery', 'employee'],
    ['microsoft-2024-01-midnight-blizzard', 'credential-stuffing', 'employee'],
    ['microsoft-2021-06-nobelium-support-agent', 'support-credential-theft', 'support-channel'],
    ['microsoft-2021-10-nobelium-resellers', 'subprocessor-compromise', 'subprocessor'],
    ['cloudflare-2023-11-thanksgiving', 'artefact-session-tokens', 'subprocessor'],
    ['retool-2023-08-smishing', 'employee-social-engineering', 'employee'],
    ['uber-2022-09-contractor-mfa-fatigue', 'subprocessor-compromise', 'subprocessor'],
    ['rackspace-2022-12-hosted-exchange', 'exploited-vulnerability', 'product'],
    ['salesloft-drift-2025-08-oauth', 'token-theft', 'employee'],
    ['sisense-2024-04-credentials', 'stolen-credentials', 'employee'],
    ['heroku-travisci-2022-04-github-oauth', 'token-theft', 'employee'],
    ['slack-2022-12-github-tokens', 'token-theft', 'employee'],
    ['twitter-2020-07-support-tools', 'support-social-engineering', 'support-channel'],
    ['cisco-2022-05-vishing-mfa-fatigue', 'employee-social-engineering', 'employee'],
    ['accellion-2020-12-fta', 'exploited-vulnerability', 'product'],
    ['fortra-goanywhere-2023-01', 'exploited-vulnerability', 'product'],
    ['zendesk-2016-account-data', 'unknown', 'product'],
    ['atlassian-2023-10-confluence-cve-2023-22515', 'exploited-vulnerability', 'product'],
  ])('%s: %s through %s', (id, rootCause, entryPath) => {
    const i = byId.get(id)!;
    expect([deriveRootCause(i), deriveEntryPath(i)]).toEqual([rootCause, entryPath]);
  });

  it('covers every incident of the reference data', () => {
    expect(reference.incidents).toHaveLength(34);
  });
});

describe('the rules', () => {
  const base: Classified = { initialAccessVectors: [], supportInvolved: false, supportInvolvementType: 'none', initialAccessDetail: null };

  it('reads words only where the vectors cannot tell: a forged token, a password spray, staff or customers', () => {
    const tokens = { ...base, initialAccessVectors: ['token-theft' as const] };
    expect(deriveRootCause({ ...tokens, initialAccessDetail: 'Forged access tokens signed with a stolen signing key.' })).toBe('token-forgery');
    expect(deriveRootCause(tokens)).toBe('token-theft');
    const creds = { ...base, initialAccessVectors: ['stolen-credentials' as const] };
    expect(deriveRootCause({ ...creds, initialAccessDetail: 'A password spray hit a test account.' })).toBe('credential-stuffing');
    expect([deriveRootCause(creds), deriveEntryPath(creds)]).toEqual(['stolen-credentials', 'employee']);
    const customers = { ...creds, initialAccessDetail: "Infostealer logs held customers' passwords." };
    expect([deriveRootCause(customers), deriveEntryPath(customers)]).toEqual(['credential-stuffing', 'product']);
  });

  it('support involvement decides the path before the vectors do', () => {
    expect(deriveEntryPath({ ...base, supportInvolved: true })).toBe('support-channel');
    expect(deriveEntryPath({ ...base, supportInvolvementType: 'outsourced-support-provider', initialAccessVectors: ['subprocessor-compromise'] })).toBe(
      'support-channel',
    );
    expect(deriveEntryPath({ ...base, supportInvolvementType: 'external-contractor' })).toBe('subprocessor');
    expect(deriveEntryPath({ ...base, supportInvolvementType: 'support-platform-vendor' })).toBe('product');
    expect(
      deriveRootCause({
        ...base,
        supportInvolvementType: 'in-house-support-system',
        initialAccessVectors: ['token-theft'],
        initialAccessDetail: 'HAR files with live sessions were downloaded.',
      }),
    ).toBe('artefact-session-tokens');
    expect(deriveRootCause({ ...base, supportInvolvementType: 'in-house-support-tool', initialAccessVectors: ['phishing-social-engineering'] })).toBe(
      'support-social-engineering',
    );
  });

  it('an insider or a SIM swap is that, whatever the path', () => {
    expect(
      deriveRootCause({ ...base, supportInvolvementType: 'outsourced-support-provider', initialAccessVectors: ['insider-bribery', 'stolen-credentials'] }),
    ).toBe('insider');
    expect(deriveRootCause({ ...base, initialAccessVectors: ['sim-swap', 'phishing-social-engineering'] })).toBe('sim-swap');
  });

  it('says unknown when the record does not tell', () => {
    expect([deriveRootCause(base), deriveEntryPath(base)]).toEqual(['unknown', 'unknown']);
  });

  it("an analyst's values win; a set entry path also steers the derived root cause", () => {
    const creds: Classified = { ...base, initialAccessVectors: ['stolen-credentials'] };
    expect(rootCauseOf({ ...creds, rootCause: 'insider' })).toBe('insider');
    expect(entryPathOf({ ...creds, entryPath: 'product' })).toBe('product');
    expect(rootCauseOf({ ...creds, entryPath: 'support-channel' })).toBe('support-credential-theft');
    expect(rootCauseOf({ ...creds, rootCause: null, entryPath: null })).toBe('stolen-credentials');
  });
});
