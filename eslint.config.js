// Lint for the whole repository. Imports flow one way (client -> shared, server -> shared, shared ->
// nothing of ours) and features do not import each other: what two features need lives in
// components/ or lib/ (the bulletproof-react rule, enforced with import-x/no-restricted-paths).
import fs from 'node:fs'
import js from '@eslint/js'
import globals from 'globals'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import tseslint from 'typescript-eslint'

const featureDir = './src/client/features'
const features = fs.existsSync(featureDir)
  ? fs.readdirSync(featureDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : []

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'data', 'dev-dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
      'import-x/no-restricted-paths': ['error', {
        zones: [
          { target: './src/shared', from: ['./src/client', './src/server', './src/sw.ts'], message: 'src/shared is pure and imports nothing of ours' },
          { target: './src/client', from: './src/server', message: 'the client talks to the server over HTTP only' },
          { target: './src/server', from: './src/client', message: 'the server does not import client code' },
          ...features.map((feature) => ({
            target: `${featureDir}/${feature}`,
            from: featureDir,
            except: [`./${feature}`],
            message: 'features do not import each other: move what both need to components/ or lib/',
          })),
        ],
      }],
    },
  },
  {
    files: ['src/client/**/*.{ts,tsx}', 'src/sw.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['error', { allowConstantExport: true }],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
)
