import { EventEmitter } from "node:events";
import type { MessagingEvent, MessagingEvents } from "./types.ts";

/**
 * In-process fan-out of inbox and call changes to the tenant app's live subscriptions. One
 * server process today; with several, this becomes PostgreSQL LISTEN/NOTIFY behind the same
 * interface (docs/architecture.md).
 */
export function createMessagingEvents(): MessagingEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0); // one listener per open browser tab
  return {
    publish: (event: MessagingEvent) => {
      emitter.emit(event.tenantId, event);
    },
    subscribe: (tenantId, listener) => {
      emitter.on(tenantId, listener);
      return () => emitter.off(tenantId, listener);
    },
  };
}
