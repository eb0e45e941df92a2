/**
 * The values that make a stored methodology 1.x version go on scoring as it did. Its stored
 * parameters predate root causes, entry paths, campaigns and the per-incident cap, so where a
 * parameter is absent it is given the value that reproduces the old behaviour: a repeat shares any
 * 1.x class with the closest earlier match, whatever the path; linked incidents count one by one;
 * nothing is capped. Keyed on absence, not on the version label: any version stored before these
 * parameters existed lacks them, and every version stored since has them.
 * (test/server/scoring/golden-1.0.0.test.ts proves it.)
 */

/** The shipped weights of the root-cause classes (recurrence.rootCauseWeights), for 2.0.0 and for what older versions lack. */
export const DEFAULT_ROOT_CAUSE_WEIGHTS = {
  'support-credential-theft': 1,
  'support-social-engineering': 1,
  'artefact-session-tokens': 1,
  'subprocessor-compromise': 1,
  'software-supply-chain': 0.8,
  'exploited-vulnerability': 0.5,
  'token-forgery': 0.8,
  'token-theft': 0.8,
  'credential-stuffing': 0.7,
  'employee-social-engineering': 0.7,
  'sim-swap': 0.7,
  'stolen-credentials': 0.7,
  insider: 0.7,
} as const;

const V1_RECURRENCE = {
  matchOn: 'classes',
  requireSameEntryPath: false,
  pairWith: 'closest',
  // Unused while matchOn is `classes`; the methodology 2 defaults, so that a version derived from this one starts from them.
  rootCauseWeights: DEFAULT_ROOT_CAUSE_WEIGHTS,
} as const;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The parameters with what a 1.x version lacks filled in; anything else (and anything not an object) as given. */
export function withV1Defaults(parameters: unknown): unknown {
  if (!isObject(parameters)) return parameters;
  const recurrence = isObject(parameters.recurrence) ? { ...V1_RECURRENCE, ...parameters.recurrence } : parameters.recurrence;
  return {
    campaigns: { countAsOne: false },
    incidentCap: { likelihoodPoints: null },
    ...parameters,
    recurrence,
  };
}
