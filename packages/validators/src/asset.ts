// What the work is done on (a vehicle, a pet, a property): the fields of each kind, the label a
// list shows, and the size class the industry pack's price and duration adjustments key on. The
// API checks `tenant.customers.addAsset/updateAsset` with these; the customer page's forms use them too.
import { z } from "zod";
import { storableRefinement, textSchema } from "./text.ts";

export const ASSET_KINDS = ["vehicle", "pet", "property"] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** A size class id as a pack declares it ("suv", "large-dog", "lot-quarter-acre"). */
export const SIZE_CLASS_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Optional text in an asset's details: "" means not given (dropped from the stored details). */
const detail = (label: string, max: number) =>
  z
    .string({ error: `Send ${label} as text.` })
    .trim()
    .max(max, `${label.charAt(0).toUpperCase()}${label.slice(1)} can be at most ${max} characters.`)
    .refine(...storableRefinement(label))
    .optional()
    .transform((value) => value || undefined);

const sizeClass = (label: string) =>
  z
    .string({ error: `Choose ${label}.` })
    .trim()
    .max(40, `Choose ${label} from the list.`)
    .refine((value) => value === "" || SIZE_CLASS_PATTERN.test(value), `Choose ${label} from the list.`)
    .optional()
    .transform((value) => value || undefined);

const latestModelYear = () => new Date().getFullYear() + 2;

export const vehicleDetailsSchema = z.strictObject({
  year: z
    .number({ error: "Enter the year as a number, e.g. 2021." })
    .int("Enter the year as a whole number, e.g. 2021.")
    .min(1900, "Enter a year from 1900 on.")
    .refine((year) => year <= latestModelYear(), "That model year is in the future.")
    .optional(),
  make: textSchema("the make", { max: 40 }),
  model: detail("the model", 60),
  sizeClass: sizeClass("the vehicle size"),
  colour: detail("the colour", 30),
});

export const petDetailsSchema = z.strictObject({
  name: textSchema("the pet's name", { max: 60 }),
  species: detail("the species", 40),
  breed: detail("the breed", 60),
  size: sizeClass("the pet's size"),
  temperament: detail("the temperament notes", 500),
});

export const propertyDetailsSchema = z.strictObject({
  address: textSchema("the property's address", { max: 300 }),
  /** As the customer says it: "1/4 acre", "6,000 sq ft". */
  lotSize: detail("the lot size", 40),
  squareFeet: z
    .number({ error: "Enter the square feet as a number." })
    .int("Enter whole square feet.")
    .min(100, "Enter at least 100 square feet.")
    .max(200_000, "Enter at most 200,000 square feet.")
    .optional(),
  /** The size band the business prices by (lot-size or square-footage band from the pack). */
  sizeClass: sizeClass("the size band"),
  gateNotes: detail("the gate notes", 500),
});

export type VehicleDetails = z.output<typeof vehicleDetailsSchema>;
export type PetDetails = z.output<typeof petDetailsSchema>;
export type PropertyDetails = z.output<typeof propertyDetailsSchema>;
export type AssetDetails = VehicleDetails | PetDetails | PropertyDetails;

export const assetDetailsSchemas = {
  vehicle: vehicleDetailsSchema,
  pet: petDetailsSchema,
  property: propertyDetailsSchema,
} as const;

/** Every field a kind has, in form order: a pack picks the ones its businesses ask for. */
export const ASSET_FIELDS = {
  vehicle: ["year", "make", "model", "sizeClass", "colour"],
  pet: ["name", "species", "breed", "size", "temperament"],
  property: ["address", "lotSize", "squareFeet", "sizeClass", "gateNotes"],
} as const satisfies { [K in AssetKind]: readonly (keyof z.input<(typeof assetDetailsSchemas)[K]>)[] };
export type AssetField<K extends AssetKind = AssetKind> = (typeof ASSET_FIELDS)[K][number];

/** The field of each kind that holds the size class prices key on. */
const SIZE_FIELD = { vehicle: "sizeClass", pet: "size", property: "sizeClass" } as const;

/** The size class of an asset's details (stored in the asset's `size_class` column), or null. */
export function assetSizeClass(kind: AssetKind, details: AssetDetails): string | null {
  const value = (details as Record<string, unknown>)[SIZE_FIELD[kind]];
  return typeof value === "string" && value ? value : null;
}

/**
 * The one line a list shows for an asset: "2021 Toyota RAV4 (blue)", "Biscuit (golden retriever)",
 * "12 Oak St".
 */
export function assetLabel(kind: AssetKind, details: AssetDetails): string {
  const withNote = (main: string, note: string | undefined) => (note ? `${main} (${note})` : main);
  if (kind === "vehicle") {
    const v = details as VehicleDetails;
    return withNote([v.year, v.make, v.model].filter(Boolean).join(" "), v.colour?.toLowerCase());
  }
  if (kind === "pet") {
    const p = details as PetDetails;
    return withNote(p.name, (p.breed ?? p.species)?.toLowerCase());
  }
  return (details as PropertyDetails).address;
}

const assetId = z.uuid("That asset id is not valid.");
const notes = z
  .union([textSchema("the notes", { min: 0, max: 1000 }), z.null()], { error: "Send the notes as text." })
  .optional()
  .transform((value) => (value === undefined ? undefined : value || null));

/** An asset input of any kind, with the fields the caller adds (a customer id, a slug). */
export const assetInputWith = <Extra extends z.ZodRawShape>(extra: Extra) =>
  z.discriminatedUnion(
    "kind",
    [
      z.strictObject({ ...extra, kind: z.literal("vehicle"), details: vehicleDetailsSchema, notes }),
      z.strictObject({ ...extra, kind: z.literal("pet"), details: petDetailsSchema, notes }),
      z.strictObject({ ...extra, kind: z.literal("property"), details: propertyDetailsSchema, notes }),
    ],
    { error: "Choose what the asset is: vehicle, pet or property." },
  );

export const assetCreateInput = assetInputWith({ customerId: z.uuid("That customer id is not valid.") });
export type AssetCreateInput = z.input<typeof assetCreateInput>;

/** The whole asset as it should be (its kind cannot change: archive it and add another). */
export const assetUpdateInput = assetInputWith({ id: assetId });
export type AssetUpdateInput = z.input<typeof assetUpdateInput>;

export const assetArchiveInput = z.strictObject({ id: assetId });
