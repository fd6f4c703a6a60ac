// The fields of a new business and its owner, as the concierge set-up (admin.concierge.preview and
// provision) checks them and the set-up wizard checks each step before it is left.
import { emailInputSchema } from "./email.ts";
import { phoneSchema } from "./phone.ts";
import { optionalTextSchema, textSchema } from "./text.ts";

export const BUSINESS_NAME_MAX = 80;
export const INTERNAL_NOTE_MAX = 500;

export const businessNameSchema = textSchema("the business name", { min: 2, max: BUSINESS_NAME_MAX });
export const ownerNameSchema = textSchema("the owner's name", { min: 2, max: 80 });
export const ownerEmailSchema = emailInputSchema("the owner's email address");
export const ownerPhoneSchema = phoneSchema("the owner's mobile number");
export const internalNoteSchema = optionalTextSchema("the internal note", { max: INTERNAL_NOTE_MAX });
