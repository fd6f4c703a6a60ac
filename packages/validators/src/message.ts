import { z } from "zod";
import { storableRefinement } from "./text.ts";

/** Twilio's limit for one text (it splits longer ones into segments, up to 1,600 characters). */
export const SMS_BODY_MAX = 1600;

/** A text a person writes to a customer: kept as typed (spaces and new lines matter), not blank. */
export const smsBodySchema = z
  .string({ error: "Write a message before sending." })
  .max(SMS_BODY_MAX, { message: "A text can be at most 1,600 characters." })
  .refine((body) => body.trim().length > 0, { message: "Write a message before sending." })
  .refine(...storableRefinement("the message"));
