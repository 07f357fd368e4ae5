// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * `rules` forbidding the import specifiers that match any of `restrictions`, by static import
 * or export (`no-restricted-imports`) and by dynamic `import()` (`no-restricted-syntax`).
 * One config object must carry every restriction of a file: a later object setting the same
 * rule replaces its options.
 * @param {{ regex: string, message: string }[]} restrictions
 */
function forbidImports(restrictions) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: restrictions.map(({ regex, message }) => ({ regex, message })) },
    ],
    'no-restricted-syntax': [
      'error',
      ...restrictions.map(({ regex, message }) => ({
        selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
        message,
      })),
    ],
  };
}

/**
 * The floors of the house: a restriction on importing the given top-level folders.
 * A specifier is caught whatever its depth of `../`.
 * @param {string[]} folders
 * @param {string} why
 */
function foldersOf(folders, why) {
  return { regex: `^(\\.{1,2}/)+(${folders.join('|')})(/|$)`, message: why };
}

/**
 * A restriction on reaching inside the given modules of services/: `../entries` (the
 * module's index) is allowed, `../entries/entryRepository` is not.
 * @param {string[]} modules
 * @param {string} why
 */
function internalsOf(modules, why) {
  return { regex: `^(\\.{1,2}/)+(${modules.join('|')})/.`, message: why };
}

/**
 * `rules` forbidding imports of the given top-level folders (see {@link foldersOf}).
 * @param {string[]} folders
 * @param {string} why
 */
function forbidImportsOf(folders, why) {
  return forbidImports([foldersOf(folders, why)]);
}

const TOOLS_ONLY_FROM =
  'tools/ is development and test tooling: only scripts/, test/, tools/ and bot/devDatabase.ts import it';

/** The modules of services/, one per aggregate; the other files and folders of services/ are its platform floor. */
const MODULES = [
  'residents',
  'entries',
  'matching',
  'moderation',
  'tasks',
  'testimonials',
  'nlu',
  'places',
  'privacy',
  'conversations',
  'referrals',
];

const SERVICES_FLOOR = `services/ never imports dialogs/ or bot/; ${TOOLS_ONLY_FROM}`;

/** Why a module is entered only by its index. */
const THROUGH_THE_INDEX =
  "a module of services/ is entered only through its public index ('../entries', never '../entries/entryRepository'): " +
  'it is the only reader and writer of its collections, and its index lists the use cases, types, ports and notices ' +
  'others may use; a helper many modules need belongs to the platform floor (services/validation.ts, services/screening/...)';

/**
 * A restriction on reaching inside the modules of services/ from bot/ or dialogs/:
 * `../services/entries` is allowed, `../services/entries/entryRepository` is not.
 * @param {string[]} modules
 * @param {string} why
 */
function servicesInternalsOf(modules, why) {
  return { regex: `^(\\.{1,2}/)+services/(${modules.join('|')})/.`, message: why };
}

/** Why bot/ and dialogs/ enter a module by its index too. */
const SERVICES_THROUGH_THE_INDEX =
  "bot/ and dialogs/ use a module of services/ through its public index ('../services/entries'), " +
  'like the other modules: the index lists its use cases, types, ports and notices';

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
    files: ['**/*.{ts,tsx}'],
    ignores: ['scripts/**', 'test/**', 'tools/**', 'bot/devDatabase.ts'],
    rules: forbidImportsOf(['tools'], TOOLS_ONLY_FROM),
  },
  {
    files: ['bot/**/*.{ts,tsx}'],
    ignores: ['bot/devDatabase.ts'],
    rules: forbidImports([
      foldersOf(['tools'], TOOLS_ONLY_FROM),
      servicesInternalsOf(MODULES, SERVICES_THROUGH_THE_INDEX),
    ]),
  },
  {
    files: ['dialogs/**/*.ts'],
    rules: forbidImports([
      foldersOf(['bot', 'tools'], `dialogs/ never imports bot/; ${TOOLS_ONLY_FROM}`),
      servicesInternalsOf(MODULES, SERVICES_THROUGH_THE_INDEX),
    ]),
  },
  {
    // The platform floor of services/: never a module's internals.
    files: ['services/**/*.ts'],
    ignores: MODULES.map((module) => `services/${module}/**`),
    rules: forbidImports([
      foldersOf(['dialogs', 'bot', 'tools'], SERVICES_FLOOR),
      internalsOf(MODULES, THROUGH_THE_INDEX),
    ]),
  },
  // Each module: its own files freely, the other modules through their index only.
  ...MODULES.map((module) => ({
    files: [`services/${module}/**/*.ts`],
    rules: forbidImports([
      foldersOf(['dialogs', 'bot', 'tools'], SERVICES_FLOOR),
      internalsOf(
        MODULES.filter((other) => other !== module),
        THROUGH_THE_INDEX,
      ),
    ]),
  })),
  // botbuilder-dialogs' index loads its prompt recognizers, globalize and lodash (memory the bot never
  // uses): the running code takes its classes from the facade, types may come from anywhere.
  {
    files: ['bot/**/*.{ts,tsx}', 'dialogs/**/*.ts', 'services/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['dialogs/botbuilderDialogs.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'botbuilder-dialogs',
              message: 'Import the classes from dialogs/botbuilderDialogs.ts (types are fine here).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.mjs', '**/*.cjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
);
