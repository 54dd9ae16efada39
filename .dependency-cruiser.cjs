/** The direction of dependencies (docs/architecture.md §Dependency rules), checked in CI by `npm run lint`. */
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
      name: 'adapters-do-not-reach-triggers',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: ['^functions/', '^orchestrations/', '^local/'] },
    },
    {
      name: 'app-does-not-use-local-platform',
      comment: 'The app runs unchanged in Azure: nothing in it may import the local platform',
      severity: 'error',
      from: { path: '^(functions|orchestrations|core|adapters)/' },
      to: { path: '^local/' },
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
    exclude: { path: '^(test|dist|web|bench)/' },
  },
};
