import { autoDetailing } from "./packs/auto-detailing.ts";
import { carpetCleaning } from "./packs/carpet-cleaning.ts";
import { dogWalking } from "./packs/dog-walking.ts";
import { gutterCleaning } from "./packs/gutter-cleaning.ts";
import { handyman } from "./packs/handyman.ts";
import { houseCleaning } from "./packs/house-cleaning.ts";
import { junkRemoval } from "./packs/junk-removal.ts";
import { landscaping } from "./packs/landscaping.ts";
import { lawnCare } from "./packs/lawn-care.ts";
import { mobileMassage } from "./packs/mobile-massage.ts";
import { mobileMechanic } from "./packs/mobile-mechanic.ts";
import { movingHelp } from "./packs/moving-help.ts";
import { painting } from "./packs/painting.ts";
import { personalTraining } from "./packs/personal-training.ts";
import { pestControl } from "./packs/pest-control.ts";
import { petGrooming } from "./packs/pet-grooming.ts";
import { photography } from "./packs/photography.ts";
import { poolService } from "./packs/pool-service.ts";
import { pressureWashing } from "./packs/pressure-washing.ts";
import { windowCleaning } from "./packs/window-cleaning.ts";
import type { IndustryPack } from "./schema.ts";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every pack, the root tenant's trade (auto detailing) first. Frozen: copy before customising. */
export const INDUSTRY_PACKS: readonly IndustryPack[] = deepFreeze([
  autoDetailing,
  lawnCare,
  houseCleaning,
  petGrooming,
  photography,
  movingHelp,
  pressureWashing,
  windowCleaning,
  carpetCleaning,
  poolService,
  handyman,
  junkRemoval,
  gutterCleaning,
  mobileMechanic,
  landscaping,
  pestControl,
  painting,
  dogWalking,
  personalTraining,
  mobileMassage,
]);

export const PACK_IDS: readonly string[] = Object.freeze(INDUSTRY_PACKS.map((pack) => pack.id));

const BY_ID = new Map(INDUSTRY_PACKS.map((pack) => [pack.id, pack]));

/** What the owner's pack picker shows: `admin.packs.list`. */
export interface PackSummary {
  id: string;
  name: string;
  version: string;
  summary: string;
  counts: { services: number; addOns: number; faqs: number };
}

export function listPacks(): PackSummary[] {
  return INDUSTRY_PACKS.map((pack) => ({
    id: pack.id,
    name: pack.name,
    version: pack.version,
    summary: pack.summary,
    counts: { services: pack.services.length, addOns: pack.addOns.length, faqs: pack.faqs.length },
  }));
}

/** The whole pack (`admin.packs.get`), or undefined for an unknown id (the API answers 400/404). */
export function getPack(id: string): IndustryPack | undefined {
  return BY_ID.get(id);
}

export function isPackId(id: string): boolean {
  return BY_ID.has(id);
}
