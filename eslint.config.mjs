import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const appImports = {
  group: ["@/app/*", "**/app/*"],
  message: "Imports run downward: pass the Server Action in as a prop from the page instead.",
};
const dbImports = {
  group: ["@/lib/db/*", "**/lib/db/*"],
  message:
    "Read through lib/data/entry-points/*; Server Actions get the client from runAction (lib/actions/run-action.ts).",
};

const config = [
  {
    ignores: [
      "generated/**",
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "test-reports/**",
      "playwright-report/**",
      "tmp/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    // Type-aware rules that catch real bugs in server code: unawaited writes and promises passed where void is expected.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-anonymous-default-export": "off",
    },
  },
  // Imports run downward (docs/decisions/0009-one-action-shape.md): a component or a library module never imports a
  // route file (a form gets its Server Action as a prop), and routes, pages, actions and components never import the
  // database client (they read through lib/data/entry-points; lib/actions/run-action.ts hands writes the client).
  // An action may name the client's type for the write it hands to the runner: a type runs no query.
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [appImports] }] },
  },
  {
    files: ["app/**/*.{ts,tsx}", "proxy.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ ...dbImports, allowTypeImports: true }] }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [appImports, dbImports] }] },
  },
];

export default config;
