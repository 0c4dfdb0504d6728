// Semantic versions as spec:diff (info.version), the release plan (package.json) and the release
// tags (v1.2.3) write them: one reading, one order.
// https://semver.org/spec/v2.0.0.html

export type Version = [major: number, minor: number, patch: number];

export interface ParsedVersion {
  core: Version;
  /** `rc.1` of `1.2.0-rc.1` */
  prerelease?: string;
  /** `build.5` of `1.2.0+build.5` */
  build?: string;
}

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/;

/** `1.2.3`, `v1.2.3`, `1.2.3-rc.1`, `1.2.3+build.5`; anything else is undefined. */
export function parseVersion(text: string | undefined): ParsedVersion | undefined {
  const match = SEMVER.exec(text?.trim() ?? "");
  if (!match) return undefined;
  const [, major, minor, patch, prerelease, build] = match;
  return {
    core: [Number(major), Number(minor), Number(patch)],
    ...(prerelease === undefined ? {} : { prerelease }),
    ...(build === undefined ? {} : { build }),
  };
}

/** Negative when `a` is older than `b`, by major, minor, patch. */
export const compareVersions = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
