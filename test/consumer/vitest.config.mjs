// The app's own test suite: its code tested with leadconduit-client/testing, the kit through
// require, MSW handlers, and the README's "Testing your app" examples as they are written.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["test/**/*.spec.ts"] },
});
