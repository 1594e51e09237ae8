// ESLint flat config: @eslint/js + typescript-eslint recommended (syntax only, no type information: fast), then
// eslint-config-prettier last so formatting is prettier's alone. Layering is dependency-cruiser's job
// (.dependency-cruiser.cjs), not ESLint's.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { defineConfig, globalIgnores } from 'eslint/config'
import tseslint from 'typescript-eslint'

/** Node globals the plain .mjs files use (TypeScript files get theirs from the compiler, so no-undef is off there). */
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'queueMicrotask',
    'structuredClone',
    'fetch',
    'AbortController',
  ].map((name) => [name, 'readonly']),
)

export default defineConfig(
  // Dependencies, build output, local data and generated files (the same list as .prettierignore, plus CI and fixtures).
  globalIgnores([
    '**/node_modules/**',
    '**/.next/**',
    '.data/**',
    '.scratch/**',
    '.test-data/**',
    'coverage/**',
    'dist/**',
    'media/**',
    'bench/.work/**',
    '.ci/**',
    'payload-types.ts',
    'next-env.d.ts',
    'src/app/(payload)/admin/importMap.js',
    'src/migrations/index.ts',
    // Deliberately bad import graphs for tests/unit/platform/layering.test.ts.
    'tests/fixtures/layering/**',
  ]),
  {
    files: ['**/*.{ts,tsx,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The codebase is being de-any'd: an `eslint-disable-next-line @typescript-eslint/no-explicit-any -- <reason>` is allowed.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: nodeGlobals },
  },
  prettier,
)
