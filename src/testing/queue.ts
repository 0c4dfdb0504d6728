// The scripted answers and failures of each operation, handed out in order, `times` each.
import type { OperationId } from "../../generated/validators.js";
import { LeadConduitMockError } from "./errors.js";
import type { Scripted } from "./replies.js";

export function createQueues() {
  const queues = new Map<OperationId, Scripted[]>();
  return {
    /** The head of the operation's queue when it is of this kind, counted as used once. */
    take<T extends Scripted["kind"]>(operationId: OperationId, kind: T): Extract<Scripted, { kind: T }> | undefined {
      const queue = queues.get(operationId);
      const head = queue?.[0];
      if (!queue || head?.kind !== kind) return undefined;
      if (head.remaining !== Number.POSITIVE_INFINITY && --head.remaining === 0) queue.shift();
      return head as Extract<Scripted, { kind: T }>;
    },
    /** Queues an entry; one behind an entry queued for ever could never be used, so that throws. */
    enqueue(operationId: OperationId, entry: Scripted, caller: string): void {
      const queue = queues.get(operationId) ?? [];
      if (queue.at(-1)?.remaining === Number.POSITIVE_INFINITY) {
        throw new LeadConduitMockError(
          `${caller}: an earlier answer for ${operationId} is queued for every request (times: Infinity), so this one would never be used; call mock.reset() first`,
        );
      }
      queue.push(entry);
      queues.set(operationId, queue);
    },
    clear(): void {
      queues.clear();
    },
  };
}
