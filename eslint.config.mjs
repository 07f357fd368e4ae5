// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The floors of the house: `rules` forbidding imports of the given top-level folders, by static
 * import or export (`no-restricted-imports`) and by dynamic `import()` (`no-restricted-syntax`).
 * A specifier is caught whatever its depth of `../`.
 * @param {string[]} folders
 * @param {string} why
 */
function forbidImportsOf(folders, why) {
  const regex = `^(\\.{1,2}/)+(${folders.join('|')})(/|$)`;
  return {
    'no-restricted-imports': ['error', { patterns: [{ regex, message: why }] }],
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`, message: why },
    ],
  };
}

const TOOLS_ONLY_FROM =
  'tools/ is development and test tooling: only scripts/, test/, tools/ and bot/devDatabase.ts import it';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    ignores: ['scripts/**', 'test/**', 'tools/**', 'bot/devDatabase.ts'],
    rules: forbidImportsOf(['tools'], TOOLS_ONLY_FROM),
  },
  {
    files: ['dialogs/**/*.ts'],
    rules: forbidImportsOf(['bot', 'tools'], `dialogs/ never imports bot/; ${TOOLS_ONLY_FROM}`),
  },
  {
    files: ['services/**/*.ts'],
    rules: forbidImportsOf(
      ['dialogs', 'bot', 'tools'],
      `services/ never imports dialogs/ or bot/; ${TOOLS_ONLY_FROM}`,
    ),
  },
  { files: ['**/*.mjs', '**/*.cjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
);
