// ESLint: typescript-eslint's recommended rules and the two rules of hooks. `npm run lint`.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'out/',
      '.cache/',
      'models/',
      'public/',
      'test-results/',
      'playwright-report/',
      'next-env.d.ts',
      '**/*.tmp.*',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring something away).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A variable read by closures before its one assignment cannot be const; nor can part of a destructuring.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true, destructuring: 'all' }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'next/link', message: 'Use @/components/SiteLink (no prefetching).' }] }],
    },
  },
  { files: ['components/SiteLink.tsx'], rules: { 'no-restricted-imports': 'off' } },
);
