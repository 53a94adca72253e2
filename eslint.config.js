import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Engine modules that touch tensors: main-thread code may import only their types, so tfjs stays in the worker bundle.
const TENSOR_ENGINE_MODULES = ['**/engine/trainer', '**/engine/device-data', '**/engine/network', '**/engine/noise-probe', '**/engine/evaluation', '**/engine/throughput-timer', '**/engine/sgd-step'];

const mainThreadBoundary = {
  patterns: [
    { group: ['@tensorflow/*'], message: 'tfjs runs in the training worker only (src/worker).' },
    { group: TENSOR_ENGINE_MODULES, allowTypeImports: true, message: 'Main-thread code imports only types from tensor engine modules.' },
    { group: ['**/worker/*'], allowTypeImports: true, message: 'Reach the worker through src/runtime, never by importing it.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded PRNG in src/engine/rng.ts.' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'test/component/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'recharts', 'comlink'], message: 'The engine is framework-free.' },
            { group: ['**/experiment/*', '**/runtime/*', '**/store/*', '**/components/*', '**/app/*', '**/worker/*'], message: 'Imports flow one way: engine → experiment → runtime/store → components → app.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
  { files: ['src/experiment/**/*.ts'], rules: { 'no-restricted-imports': ['error', {
    patterns: [...mainThreadBoundary.patterns, { group: ['**/runtime/*', '**/store/*', '**/components/*', '**/app/*', 'react', 'zustand'], message: 'experiment/ is plain data and pure functions.' }],
  }] } },
  { files: ['src/runtime/**/*.ts', 'src/store/**/*.ts'], rules: { 'no-restricted-imports': ['error', {
    patterns: [...mainThreadBoundary.patterns, { group: ['**/components/*', '**/app/*'], message: 'Imports flow one way: runtime/store → components → app.' }],
  }] } },
  { files: ['src/components/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', mainThreadBoundary] } },
);
