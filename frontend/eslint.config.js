// @ts-check
// Lint for the web app: typescript-eslint (type-aware), the rules of hooks, and the import
// boundaries of the bulletproof-react layout (see STYLE.md, Frontend):
//
//   app/          composes the features; nothing imports it but main.tsx
//   features/<f>/ one feature; others reach it only through features/<f>/index.ts
//   components/   shared UI, lib/ shared code: they import no feature and not app/
//
// Run by `npm run lint` (part of `npm run build` and `./carrier test`), warnings fail it.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['attachments', 'auth', 'chats', 'messages', 'notifications', 'presence', 'profile', 'realtime', 'search'];

/** A feature imports another feature only through that feature's index.ts. */
const featureZones = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`, ...FEATURES.filter((f) => f !== feature).map((f) => `./${f}/index.ts`)],
  message: 'Import another feature only through its public index (features/<name>/index.ts).',
}));

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'test-results/']),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `onSubmit={async (e) => …}` is how the forms are written; each handles its own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Test doubles stand in for async APIs, so an async mock without an await is the point.
    files: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Plain JavaScript (this file, the fake server): no type information.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    // The rules of hooks; the React Compiler's own checks wait until the app uses the compiler.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/features',
              from: './src/app',
              message: 'Features never import app/: take what you need as props, or move shared code to lib/.',
            },
            {
              target: ['./src/lib', './src/components'],
              from: ['./src/features', './src/app'],
              message: 'lib/ and components/ are shared: they import no feature and not app/.',
            },
            ...featureZones,
          ],
        },
      ],
    },
  },
);
