/**
 * Admins and support staff of a critical vendor hold the keys to customer tenants; anything short
 * of enforced FIDO2/passkeys can be phished, fatigued or replayed (Okta, Twilio, Uber, Cisco).
 */
import type { MfaPopulation } from '../../domain/vocabulary.ts';
import { METHOD_LABELS } from '../mfa-factor.ts';
import type { FindingContext, FindingRule } from './context.ts';

const CONDITIONS: Partial<Record<MfaPopulation, string>> = {
  support:
    'Support staff and support subprocessors who can access our tenant or our support cases use phishing-resistant MFA (FIDO2 security keys or passkeys), enforced, with evidence provided annually.',
  admins: 'Administrative access to systems that hold our data or tenant requires enforced phishing-resistant MFA (FIDO2 security keys or passkeys).',
};

const rule = (population: 'support' | 'admins', who: string): FindingRule => ({
  id: `${population}-mfa-not-phishing-resistant`,
  evaluate: ({ facts, policy, posture }: FindingContext) => {
    const tier = facts.vendor.tier;
    if (tier > policy.findings.phishingResistantMfaUpToTier) return [];
    const r = posture.get(population);
    if (r && r.method === 'fido2' && r.enforced) return [];
    const state = r ? `their MFA is ${METHOD_LABELS[r.method]}, ${r.enforced ? 'enforced' : 'not enforced'}` : 'nothing is known of their MFA';
    return [
      {
        id: `${population}-mfa-not-phishing-resistant:mfa:${population}`,
        rule: `${population}-mfa-not-phishing-resistant`,
        severity: tier === 1 ? 'high' : 'medium',
        title: `${who} lack proven phishing-resistant MFA`,
        rationale: `A tier-${tier} vendor's ${who.toLowerCase()} can reach customer tenants; ${state}. Phishable MFA was bypassed in the Okta, Twilio, Uber and Cisco breaches.`,
        suggestedCondition: CONDITIONS[population]!,
        refs: [`mfa:${population}`],
      },
    ];
  },
});

export const supportMfaRule = rule('support', 'Support staff');
export const adminMfaRule = rule('admins', 'Admins');
