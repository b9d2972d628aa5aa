// Lint rules, including where code may run: the process boundaries of ARCHITECTURE.md
// are lint errors here, not conventions (no-restricted-imports per folder).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

const electronOnlyInShell = {
  paths: [
    { name: 'electron', message: 'electron may only be imported in src-main/app and src-main/preload.' },
  ],
  patterns: [
    { group: ['electron/*'], message: 'electron may only be imported in src-main/app and src-main/preload.' },
  ],
};

const noNode = (where) => ({
  paths: nodeBuiltins.map((name) => ({ name, message: `${where} runs without Node: no Node built-ins.` })),
  patterns: [{ group: ['node:*'], message: `${where} runs without Node: no node:* modules.` }],
});

// Flat config replaces (does not merge) a rule's options per matching block, so every
// folder's block lists its full set of restrictions.
const restrictImports = (...sets) => [
  'error',
  {
    paths: sets.flatMap((set) => set.paths ?? []),
    patterns: sets.flatMap((set) => set.patterns ?? []),
  },
];

const rendererRestrictions = restrictImports(electronOnlyInShell, noNode('src-renderer'), {
  patterns: [
    {
      group: ['**/src-main', '**/src-main/**'],
      message: 'The renderer reaches the engine only through the typed API (window.flowbench / connectApi).',
    },
  ],
});

const sharedRestrictions = restrictImports(electronOnlyInShell, noNode('src-shared'), {
  paths: [
    { name: 'react', message: 'src-shared holds the contract only: no React.' },
    { name: 'react-dom', message: 'src-shared holds the contract only: no React.' },
  ],
  patterns: [
    { group: ['react/*', 'react-dom/*'], message: 'src-shared holds the contract only: no React.' },
    {
      group: ['**/src-main', '**/src-main/**', '**/src-renderer', '**/src-renderer/**'],
      message: 'src-shared depends on nothing else in the repo.',
    },
  ],
});

export default defineConfig(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'e2e-artifacts/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/**/*.ts', 'src-shared/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'error' },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/app/**', 'src-main/preload/**'],
    rules: { 'no-restricted-imports': restrictImports(electronOnlyInShell) },
  },
  {
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: { 'no-restricted-imports': sharedRestrictions },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'no-restricted-imports': rendererRestrictions,
    },
  },
);
