/** The direction of dependencies (docs/architecture.md §Dependency rules), checked in CI by `npm run lint`. */
const APP = '^(functions|orchestrations|core|adapters)/';

module.exports = {
  forbidden: [
    {
      name: 'core-is-plain-typescript',
      comment: 'core/ may not import Azure SDKs, durable-functions, adapters, triggers or the local platform',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        path: [
          '^adapters/',
          '^functions/',
          '^orchestrations/',
          '^local/',
          'node_modules/@azure/',
          'node_modules/durable-functions',
          'node_modules/openai',
          'node_modules/microsoft-cognitiveservices-speech-sdk',
        ],
      },
    },
    {
      name: 'core-does-no-io',
      comment: 'Files, sockets, processes and threads are I/O: core reaches them only through its ports',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|fs/promises|net|child_process|worker_threads)$',
      },
    },
    {
      name: 'adapters-do-not-reach-triggers',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: ['^functions/', '^orchestrations/', '^local/'] },
    },
    {
      name: 'triggers-reach-storage-through-services',
      comment:
        'Triggers call the services the composition root builds; the Cosmos collections and the production ' +
        "activities' context are the services' business. One exception: the idempotency store is itself the " +
        'service (services.idempotency) the request pipeline keeps and replays answers with',
      severity: 'error',
      from: { path: '^functions/' },
      to: {
        path: ['^adapters/cosmos/', '^adapters/production/productionContext(Type)?\\.ts$'],
        pathNot: '^adapters/cosmos/idempotencyStore\\.ts$',
      },
    },
    {
      name: 'triggers-reach-adapters-through-the-root',
      comment:
        'A trigger (a resource file in functions/, an orchestration or activity) gets every adapter as a service ' +
        'the composition root built. ' +
        'The host glue is the exception: the request pipeline (functions/http/: bearer extraction, tenant-scoped ' +
        'metrics, config errors, the idempotency store) and the process hooks (setup.ts, measurementScope.ts)',
      severity: 'error',
      from: { path: '^(functions|orchestrations)/', pathNot: '^functions/(http/|setup\\.ts$|measurementScope\\.ts$)' },
      to: { path: '^adapters/', pathNot: '^adapters/(compositionRoot|appServices)\\.ts$' },
    },
    {
      name: 'app-does-not-use-local-platform',
      comment: 'The app runs unchanged in Azure: nothing in it may import the local platform',
      severity: 'error',
      from: { path: APP },
      to: { path: '^local/' },
    },
    {
      name: 'production-code-uses-no-dev-dependency',
      comment:
        'A package only in devDependencies is missing from the deployed app; unit tests beside the code may use them',
      severity: 'error',
      from: { path: APP, pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'web-uses-only-core-api',
      comment:
        'The web depends on the API contract (core/api), not on the domain. Deliberate exceptions, pure rules the ' +
        'browser applies exactly as the server does: the pause bounds the pause editor validates against ' +
        '(core/planning/pausePolicy.ts) and the word-boundary pattern that finds where a lexicon entry is used ' +
        '(core/lexicon/lexicon.ts); which underscores mark italics (core/speech/italics.ts), which the spoken form drops ' +
        'and the studio shows as italics; and the event type names, as a type only (next rule)',
      severity: 'error',
      from: { path: '^web/src/' },
      to: {
        path: '^core/',
        pathNot: [
          '^core/api/',
          '^core/planning/pausePolicy\\.ts$',
          '^core/lexicon/lexicon\\.ts$',
          '^core/speech/italics\\.ts$',
          '^core/ports/events\\.ts$',
        ],
      },
    },
    {
      name: 'web-takes-event-types-as-types-only',
      comment: 'core/ports/events.ts hashes with node:crypto; the web may take its event type names as a type only',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^core/ports/events\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // The web's `@core/*` alias; the root tsconfig does not know it.
    webpackConfig: { fileName: '.dependency-cruiser.aliases.cjs' },
    exclude: { path: '^(test|dist|bench)/|^web/(?!src/)' },
  },
};
