/**
 * The architecture's "never cross" lines, checked on every `npm test`
 * (see docs/architecture.md). A rule here is a line in the architecture, not a style preference.
 */
const SHIPPED = '^(rules|lib|adapters|components|entrypoints)/';
const TEST_FILE = '\\.(test|spec|property\\.test|speed\\.test)\\.tsx?$';
const TEST_LIBRARIES = '^(vitest|@vitest|happy-dom|fast-check|puppeteer-core|puppeteer|fake-indexeddb|axe-core)($|/)';

module.exports = {
  forbidden: [
    {
      name: 'engine-stays-pure',
      comment: 'rules/ is the pure engine: it imports nothing outside rules/ and no browser or Node API.',
      severity: 'error',
      from: { path: '^rules/', pathNot: TEST_FILE },
      to: { pathNot: '^rules/|^node_modules/zod/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'engine-no-node-or-browser',
      comment: 'rules/ runs in the worker and on the command line alike: no Node built-ins, no extension API.',
      severity: 'error',
      from: { path: '^rules/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'adapters-below-ui',
      comment: 'adapters/ read and operate the EHR screen; they never import entrypoints/ or components/.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^(entrypoints|components)/' },
    },
    {
      name: 'components-no-messaging-or-storage',
      comment: 'components/ are fed data and callbacks: no messages, no storage, no extension API.',
      severity: 'error',
      from: { path: '^components/' },
      to: {
        path: '^(lib/messages|lib/protocol|lib/background/|lib/storage|node_modules/(idb|webextension-polyfill|wxt|@wxt-dev)/)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'shipped-code-no-tests-or-scripts',
      comment: 'Nothing the extension ships imports test/ or scripts/.',
      severity: 'error',
      from: { path: SHIPPED, pathNot: TEST_FILE },
      to: { path: '^(test|scripts)/' },
    },
    {
      name: 'shipped-code-no-test-libraries',
      comment: 'Test libraries stay in tests: no vitest, happy-dom, fast-check, puppeteer in shipped folders.',
      severity: 'error',
      from: { path: SHIPPED, pathNot: TEST_FILE },
      to: { path: `^node_modules/${TEST_LIBRARIES.slice(1)}`.replace('^node_modules/^', '^node_modules/') },
    },
    {
      name: 'no-cycles',
      comment: 'Import cycles hide the order modules start in.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|demo-output)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
