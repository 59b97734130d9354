// Lint rules: TypeScript and Svelte recommended sets, plus the layering rule that keeps src/domain pure.

import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', 'public/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
  },
  {
    // The domain runs in Node and knows nothing of the UI, storage, i18n or the DOM.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['svelte', 'svelte/*', 'dexie', 'i18next', '**/ui/**', '**/storage/**', '**/i18n/**', '**/report/**'] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    // Storage and i18n know nothing of screens, views or the application layer above them.
    files: ['src/storage/**/*.ts', 'src/i18n/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['svelte', 'svelte/*', '**/ui/**', '**/view/**', '**/app/**'] }] },
  },
  {
    // Views (shared by screens and reports) and the application layer are plain TypeScript: no Svelte, no DOM
    // components; the app layer is what screens call, never the other way round.
    files: ['src/view/**/*.ts', 'src/app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['svelte', 'svelte/*', '**/ui/**', '*.svelte'] }] },
  },
);
