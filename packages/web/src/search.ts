import { z } from "zod";

/**
 * One optional id in a page's search params (`?tenant=green-lawn`). The router reads `?tenant=123` as a
 * number, so numbers are taken back as text; anything else (an object, a list) is dropped rather than
 * breaking the page.
 */
export const searchId = z
  .union([z.string().min(1), z.number().transform(String)])
  .optional()
  .catch(undefined);
