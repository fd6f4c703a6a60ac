// @servicepro/routing: the routing snapshot. Which tenant owns each of our numbers, and what a call
// to it is answered with, served from memory in every process and kept fresh by LISTEN/NOTIFY
// (triggers in the migrations; the change feed in @servicepro/db).

export { type IvrSnapshot, loadDirectoryMatch, loadIvrSnapshot, readIvrSnapshot } from "./load.ts";
export { createRoutingSnapshot, type Loaders, type RoutingSnapshot, type RoutingSnapshotOptions } from "./snapshot.ts";
