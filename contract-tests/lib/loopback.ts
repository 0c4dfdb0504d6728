// Every server the suite and the tests start listens the same way: on a port the OS picks
// (port 0, so runs never collide) on the loopback interface only.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Listens on a free loopback port; resolves with the server's origin, rejects when it cannot listen. */
export function listenOnLoopback(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}
