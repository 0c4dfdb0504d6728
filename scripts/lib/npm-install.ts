// How the scripts install packages into scratch folders (the consumer app, the bin check, the git
// dependency, other runtimes): from npm's cache when it can, quietly, leaving no lock file.
export const NPM_INSTALL = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock"] as const;
