// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries: data flows core <- workers <- state <- ui. Each rule says
 * why, so the lint message teaches the architecture (see ARCHITECTURE.md).
 */
const noUp = (folders, why) => folders.map((folder) => ({ group: [`**/${folder}`, `**/${folder}/**`], message: why }));

const coreWhy = 'src/core is pure (runs in Node, workers and tests): it must not import workers, state, ui or cli.';
const workersWhy = 'src/workers wrap core only: they must not import state, ui or cli.';
const stateWhy = 'src/state may use core and workers, never ui or cli (views depend on the store, not the reverse).';
const uiWhy = 'src/ui must not import cli; d3 lives only in ui/interaction and ui/charts.';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'wasm'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'Never run code from input.' },
        { selector: "NewExpression[callee.name='Function']", message: 'Never run code from input.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noUp(['workers', 'state', 'ui', 'cli'], coreWhy),
            { group: ['react', 'react-dom', 'zustand', 'comlink', 'd3', 'd3-*'], message: coreWhy },
            { group: ['node:*', 'fs', 'path'], message: coreWhy },
          ],
        },
      ],
    },
  },
  {
    files: ['src/workers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...noUp(['state', 'ui', 'cli'], workersWhy), { group: ['react', 'zustand'], message: workersWhy }],
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts', 'src/state/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...noUp(['ui', 'cli'], stateWhy), { group: ['d3', 'd3-*'], message: stateWhy }] },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    ignores: ['src/ui/interaction/**', 'src/ui/charts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...noUp(['cli'], uiWhy), { group: ['d3', 'd3-*'], message: uiWhy }] },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
