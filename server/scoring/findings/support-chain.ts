/** Support-chain findings: artefacts that carry sessions, and outsourced hands inside tenants. */
import { handlesArtefacts } from '../support-factor.ts';
import type { FindingRule } from './context.ts';

export const unsanitizedArtifactsRule: FindingRule = {
  id: 'unsanitized-support-artifacts',
  evaluate: ({ active }) =>
    active
      .filter((s) => handlesArtefacts(s.accessLevel) && s.artifactsSanitized !== true)
      .map((s) => ({
        id: `unsanitized-support-artifacts:subprocessor:${s.id}`,
        rule: 'unsanitized-support-artifacts',
        severity: 'high' as const,
        title: 'Support can receive session-bearing artefacts without sanitization',
        rationale: `${s.name} handles troubleshooting artefacts (HAR files, logs) that can carry live session tokens, and they are ${s.artifactsSanitized === false ? 'not' : 'not known to be'} sanitized on upload: the path of the 2023 Okta breach.`,
        suggestedCondition:
          'Troubleshooting artefacts (HAR files, logs) are stripped of session tokens, cookies and credentials on upload, kept no longer than 30 days, and never required from us unsanitized.',
        refs: [`subprocessor:${s.id}`],
      })),
};

export const outsourcedTenantAccessRule: FindingRule = {
  id: 'outsourced-tenant-access',
  evaluate: ({ active }) =>
    active
      .filter((s) => s.outsourced && ['customer-data', 'session-artifacts', 'admin'].includes(s.accessLevel))
      .map((s) => ({
        id: `outsourced-tenant-access:subprocessor:${s.id}`,
        rule: 'outsourced-tenant-access',
        severity: s.accessLevel === 'admin' ? ('high' as const) : ('medium' as const),
        title: 'An outsourced provider can reach customer tenants',
        rationale: `${s.name} (${s.function}) is outsourced and has ${s.accessLevel} access; the 2022 Okta breach came through an outsourced support provider.`,
        suggestedCondition:
          'List every subprocessor that can access our tenant, give 30 days’ notice of changes with a right to object, hold them to the same MFA and device controls, and let us block support access to our tenant.',
        refs: [`subprocessor:${s.id}`],
      })),
};
