import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The pure core never reads the clock or uses timers: time is passed in.
    files: ['lib/**/*.ts', 'content/**/*.ts'],
    ignores: ['lib/platform/**', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Pass `now` in; only lib/platform reads the clock.' },
        { object: 'performance', property: 'now', message: 'Pass `now` in.' }],
      'no-restricted-globals': ['error', 'setInterval', 'setTimeout'],
    },
  },
  {
    files: ['entrypoints/background.ts'],
    rules: { 'no-restricted-globals': ['error', 'setInterval', 'setTimeout'] },
  },
);
