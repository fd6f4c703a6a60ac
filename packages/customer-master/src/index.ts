// @servicepro/customer-master: one record per customer (issue 16, section 2). Matching rules
// (matching.ts, pure), the duplicate finder (duplicates.ts) and merge/undo (merge.ts).
export {
  type DuplicateCustomer,
  type DuplicatePage,
  type DuplicatePair,
  decodePairCursor,
  dismissDuplicate,
  encodePairCursor,
  findDuplicates,
  orderedPair,
} from "./duplicates.ts";
export {
  editDistance,
  emailKey,
  emailsOneTypoApart,
  gmailMailbox,
  intendedDomain,
  KNOWN_DOMAINS,
  levelOf,
  type Match,
  type MatchFields,
  type MatchLevel,
  type MatchReason,
  matchCustomers,
  nameKey,
  phoneKeys,
  STREET_WORDS,
  streetKey,
} from "./matching.ts";
export {
  type ConsentRewrite,
  type ConversationRewrite,
  customerReferencingTables,
  type MergeRecord,
  type MergeResult,
  mergeCustomers,
  type UnmergeResult,
  unmergeCustomers,
} from "./merge.ts";
export { COUNTERS, type CustomerJson, mergedProfile, restoredSurvivor, restoreRow } from "./profile.ts";
