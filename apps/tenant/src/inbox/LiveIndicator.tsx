import { Badge } from "@servicepro/ui";
import type { LiveStatus } from "./live.ts";

/** Whether new messages and calls appear without a reload (the SSE connection's state). */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const text = status === "live" ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…";
  return (
    <Badge
      tone={status === "live" ? "success" : "warning"}
      dot
      title="New messages and calls appear here without reloading"
    >
      {text}
    </Badge>
  );
}
