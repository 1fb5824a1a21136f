// One lint stack for the whole tree: typescript-eslint's recommended rules plus the platform rules of ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', 'test-artifacts/**', 'src/ui/**/*.html'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Apps Script code: no Node, no timers, no `new Date()` in the pure domain.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'require', 'setTimeout', 'setInterval', 'Buffer', 'TextEncoder', 'URL'],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain never reads the clock: take `now` as an argument.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The domain never reads the clock: take `now` as an argument.' },
        { selector: "BinaryExpression[operator='instanceof'][right.name=/^(Date|Array)$/]", message: 'Values cross realms (node:vm, Apps Script): use isDate / Array.isArray.' },
      ],
    },
  },
  {
    files: ['src/gas/**/*.ts', 'src/app/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'require', 'setTimeout', 'setInterval', 'Buffer', 'TextEncoder', 'URL'],
      'no-restricted-syntax': ['error',
        { selector: "BinaryExpression[operator='instanceof'][right.name=/^(Date|Array)$/]", message: 'Values cross realms (node:vm, Apps Script): use isDate / Array.isArray.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.cjs', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
