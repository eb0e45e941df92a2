/**
 * The category prior: how likely a breach at a vendor of this kind is before any evidence about
 * the vendor itself, on the likelihood scale (0–100). With the impact of our relationship it makes
 * the inherent risk (server/scoring/inherent.ts). Vendor categories are free text, so a row names
 * the words that pick it; the first row whose words appear in the category applies.
 */
import { z } from 'zod';
import { label } from './fields.ts';

const points = z.number().min(0).max(100);

export const categoryPriorRow = z.strictObject({
  category: label(100).meta({ description: 'What the row stands for, in words ("identity and access")' }),
  matches: z
    .array(label(60))
    .min(1)
    .max(20)
    .meta({ description: 'The row applies to a vendor whose category contains one of these as whole words (case ignored): "CI" matches "PaaS / CI/CD"' }),
  prior: points.meta({ description: 'Inherent likelihood of a vendor of this kind, 0–100' }),
  rationale: label(400).meta({ description: 'Why this prior: what makes vendors of this kind likelier to be breached' }),
});
export type CategoryPriorRow = z.output<typeof categoryPriorRow>;

/**
 * The shipped table. The priors rank categories by how often, and how deep, breaches of such
 * vendors reached their customers in the public record the demo portfolio is built from
 * (data/seed/incidents.json); each rationale names the incidents it rests on.
 */
export const DEFAULT_CATEGORY_PRIORS: readonly CategoryPriorRow[] = [
  {
    category: 'identity and access',
    matches: ['identity', 'single sign-on', 'SSO', 'MFA', 'access security', 'password manager'],
    prior: 45,
    rationale:
      'Holds the keys to every customer tenant; attacked through its support channel and signing keys again and again (Okta 2022 and 2023, Microsoft 2023, LastPass 2022).',
  },
  {
    category: 'remote management and file transfer',
    matches: ['remote monitoring', 'remote management', 'managed file transfer', 'IT monitoring', 'network management'],
    prior: 45,
    rationale:
      'Privileged reach into many customers at once, exploited in mass campaigns (SolarWinds 2020, Accellion 2020, Kaseya 2021, GoAnywhere and MOVEit 2023).',
  },
  {
    category: 'software delivery',
    matches: ['CI/CD', 'CI', 'source code', 'developer tools', 'PaaS'],
    prior: 40,
    rationale: 'Holds customers’ secrets and sits on their software supply chain (Codecov 2021, Heroku and Travis CI 2022, CircleCI 2023).',
  },
  {
    category: 'customer communications and support',
    matches: ['customer service', 'communications', 'email marketing', 'CRM', 'sales engagement', 'messaging', 'chat'],
    prior: 35,
    rationale:
      'Support and account tooling whose staff are social-engineered to reach customer accounts (Twilio 2022, Mailchimp twice in 2022, Salesloft Drift 2025).',
  },
];

/** The prior for a category no row matches: a typical SaaS vendor. */
export const DEFAULT_OTHER_CATEGORIES_PRIOR = 25;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A row's words as one pattern: any of them, as whole words, case ignored. */
const patternOf = (r: CategoryPriorRow) => new RegExp(`(^|[^\\p{L}\\p{N}])(${r.matches.map((m) => escape(m.trim())).join('|')})($|[^\\p{L}\\p{N}])`, 'iu');
// Compiled once per table: a portfolio scores thousands of vendors against the same one.
const compiled = new WeakMap<readonly CategoryPriorRow[], readonly RegExp[]>();

/** The first row whose words appear in the category, or null for the "other categories" prior. */
export function categoryRow(rows: readonly CategoryPriorRow[], category: string | undefined): CategoryPriorRow | null {
  const text = (category ?? '').trim();
  if (!text) return null;
  let patterns = compiled.get(rows);
  if (!patterns) compiled.set(rows, (patterns = rows.map(patternOf)));
  const i = patterns.findIndex((p) => p.test(text));
  return i < 0 ? null : rows[i]!;
}
