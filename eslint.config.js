// @ts-check
// ESLint, configured once for the whole tree (server, web, test and the root *.ts configs).
// Type-aware rules (typescript-eslint recommendedTypeChecked: floating and misused promises,
// awaits of non-promises, assertions that change nothing) and the Lit plugin's recommended rules
// for templates. Layout is Prettier's (.prettierrc.json): no stylistic rule is enabled here, so
// the two never disagree. Every deviation from the recommended sets below says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as lit } from 'eslint-plugin-lit';

export default tseslint.config(
  {
    // Built, generated or data files, and the architecture test's fixtures (files that break the
    // layering on purpose, read by that test and never run).
    ignores: ['web/dist/', 'node_modules/', 'test-results/', 'data/', 'docs/', 'test/architecture/fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore names a value left unused on purpose: a parameter an interface
      // requires, or a field dropped from a copy (`const { id: _id, ...rest } = row`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `String(v)` is how this codebase reads a loosely typed value (a JSON field, a spreadsheet
      // cell, a non-Error throw) as text before validating or showing it; the rule flags every such
      // call. Objects in template literals stay caught by restrict-template-expressions.
      '@typescript-eslint/no-base-to-string': 'off',
      // Passing on what was thrown or an AbortSignal's reason (typed any/unknown) keeps the original
      // error; inventing an Error around it would hide an AbortError from the code that checks for it.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // Prettier lays out call chains (`anon()` then `[r.method](…)` on the next line) where no
      // semicolon could be inserted; this rule would fight that layout (eslint-config-prettier
      // turns it off for the same reason).
      'no-unexpected-multiline': 'off',
    },
  },
  {
    files: ['web/**/*.ts'],
    ...lit['flat/recommended'],
    rules: {
      ...lit['flat/recommended'].rules,
      // Lit calls a template's event listeners (`@click=${this._onClick}`) with `this` set to the
      // host element, so passing a method unbound there is how Lit is written.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // supertest's `res.body` and JSON.parse are `any` by design, and the tests read them directly
      // and assert on them: that is what the assertions are for (typing every body would only add
      // casts). Server and web code keep these rules.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Test doubles implement async interfaces (fetch, a sink, a job) without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      // Deliberately malformed inputs (a VERIS record with the wrong types) are written as `any`.
      '@typescript-eslint/no-explicit-any': 'off',
      // Tests build keys and messages from loosely typed bodies; a wrong interpolation there fails
      // the test's own assertion rather than reaching a user.
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    // Plain JavaScript (this file, the worker's tsx boot) is outside tsconfig.json: no typed rules.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
