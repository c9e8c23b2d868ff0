// Lint: typescript-eslint with type information (recommendedTypeChecked), over all of our TypeScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Names the engine must never reach for: rules/ runs in the worker and on the command line alike (ARCHITECTURE: a pure engine). */
const NOT_IN_THE_ENGINE = ['process', 'window', 'document', 'chrome', 'browser', 'localStorage', 'navigator'].map(
  (name) => ({
    name,
    message: 'rules/ is the pure engine: no Node or browser global; take what you need as an argument.',
  }),
);

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'demo-output/**',
      'coverage/**',
      'test/fixtures/**/*.js',
      'test/fixtures/**/*.jsx',
      'rules/**/*.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A closure may read a variable that is assigned after it is made (the shell's `fixes`, set when the fix code loads).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Prettier decides line breaks (and every statement ends with a semicolon), as eslint-config-prettier also says.
      'no-unexpected-multiline': 'off',
      // A leading underscore marks a value kept on purpose (a destructured field left out, an unused parameter of a callback).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Preact components take their callbacks by destructuring props, and rules take the context's helpers
    // (ctx.abnOnFile, …) the same way: plain functions that never read `this`, declared in method style.
    files: ['components/**/*.tsx', 'rules/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    files: ['rules/**/*.ts'],
    ignores: ['rules/**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', ...NOT_IN_THE_ENGINE] },
  },
  {
    // Tests read JSON, puppeteer's page.evaluate results and happy-dom objects, typed `any` at the boundary; they
    // pass async callbacks to helpers that await them whether or not they await inside; and expect(obj.method)
    // checks a method without calling it. Shipped code keeps all of these rules.
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // In page.evaluate callbacks and happy-dom lookups lint and tsc see some types differently: the fixer removed
      // assertions here that tsc needs (adapters/ema/ema.test.ts, test/e2e/harness.ts).
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // puppeteer's target types are a string enum compared with the strings its documentation uses.
    files: ['scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-enum-comparison': 'off' },
  },
  {
    // A Preact event handler may be async: the browser reports a rejection it does not handle, and every
    // handler of ours catches what it expects. Promises passed as arguments stay checked.
    files: ['components/**/*.tsx', 'entrypoints/**/*.tsx', 'lib/**/*.tsx'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
