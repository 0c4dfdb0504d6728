// git in a scratch repository, as the tests that build one run it: an author of its own and no
// signing (the machine's git config is not the test's), no prompt, output as text.
import { execFileSync } from "node:child_process";

/** The settings every scratch commit needs, whatever the machine's git config says. */
export const SCRATCH_GIT = ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"];

/** A git that runs in `dir()` (a function: the folder may be made later, in a hook); its trimmed output, or a throw. */
export function gitIn(dir: () => string): (...args: string[]) => string {
  return (...args) =>
    execFileSync("git", [...SCRATCH_GIT, ...args], { cwd: dir(), input: "", stdio: ["pipe", "pipe", "pipe"] })
      .toString()
      .trim();
}
