import { defineConfig } from "drizzle-kit";

// Migrations are generated here and applied in code at start-up (openDb in db/index.ts) on either driver.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./drizzle",
});
