// How packages are installed into scratch folders (other runtimes, the consumer app, the git
// dependency): from npm's cache when it can (nothing here may need the network), quietly.
export const NPM_INSTALL = ["install", "--prefer-offline", "--no-audit", "--no-fund"] as const;
