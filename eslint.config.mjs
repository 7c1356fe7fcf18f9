// ESLint (flat config): Next's rules, and the layers of the house as import boundaries (README "Layout").
// Data flows one way: db → lib/queries → lib/view, lib/figures → lib/share, lib/pages, lib/server → app,
// components. A layer never imports one above it; `npm test` runs this.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** `no-restricted-imports` patterns forbidding the given modules, with the reason. */
const forbid = (groups, message) => ({ "no-restricted-imports": ["error", { patterns: [{ group: groups, message }] }] });

const UI = ["@/components/*", "@/app/*"];
const SERVER = ["@/lib/server/*", "@/lib/share/*", "@/lib/pages/*"];
const WRITING = ["@/lib/ingest", "@/lib/ingest/*", "@/lib/collector/*", "@/lib/sample/*"];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/**", "drizzle/**"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // Controls copy the URL or the DOM (the theme class) into local state after hydration; that is an
      // effect's job here, and each such effect runs once per URL change.
      "react-hooks/set-state-in-effect": "warn",
    },
  },
  { files: ["db/**"], rules: forbid(["@/lib/*", ...UI], "db/ is the bottom layer: it knows the schema and the drivers, nothing above.") },
  { files: ["lib/**"], rules: forbid(UI, "lib/ never imports components/ or app/: pages render lib's data, not the other way round.") },
  {
    files: ["lib/queries/**", "lib/view/**", "lib/domain/**"],
    rules: forbid([...UI, ...SERVER, ...WRITING, "@/lib/figures/*", "@/lib/ui/*"], "Reading data never depends on presentation, pages, servers or ingest."),
  },
  {
    files: ["lib/figures/**"],
    rules: forbid([...UI, ...SERVER.filter((g) => g !== "@/lib/pages/*"), ...WRITING, "@/lib/ui/*", "@/db", "@/db/*"], "Figures are pure: data in, chart description out."),
  },
  {
    files: ["lib/figures/render/**"],
    rules: forbid(
      [...UI, ...SERVER, ...WRITING, "@/lib/ui/*", "@/db", "@/db/*", "../overview", "../model", "../compare", "../vendors", "../app", "../apps", "@/lib/figures/overview", "@/lib/figures/model", "@/lib/figures/compare", "@/lib/figures/vendors", "@/lib/figures/app", "@/lib/figures/apps"],
      "The renderer draws any figure: it never imports one view's module.",
    ),
  },
  { files: ["components/**"], rules: forbid(["@/app/*", "@/db", "@/db/*", "@/lib/server/*", ...WRITING], "Components run in the browser: no database, server or ingest code.") },
];

export default config;
