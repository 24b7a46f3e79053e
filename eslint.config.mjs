import eslint from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/out/', 'test/fixtures/', 'examples/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // One read boundary (src/sources/parsing/read-source.ts): the scan reads what a pull request wrote, so every
    // file read goes through the real-path, special-file and size checks there.
    files: ['src/**/*.ts'],
    ignores: ['src/sources/parsing/read-source.ts', 'src/github/context.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['readFileSync', 'readFile', 'openSync', 'createReadStream'].map((property) => ({
          object: 'fs',
          property,
          message: 'Read files through readSource (src/sources/parsing/read-source.ts), the read boundary.',
        })),
      ],
    },
  },
)
