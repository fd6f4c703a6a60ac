// Signing a customer in to a business's portal in the browser, with the code the server texted
// through the fake Twilio (the text a customer's phone would receive).
import type { FakeTwilio } from "@servicepro/testkit";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The newest text to `phone` whose body matches `pattern`, once the worker has sent one after `since`. */
export async function textTo(fake: FakeTwilio, phone: string, pattern: RegExp, since: Date): Promise<RegExpMatchArray> {
  let match: RegExpMatchArray | null = null;
  await expect
    .poll(
      () => {
        const text = fake.messages
          .filter((m) => m.to === phone && m.dateCreated >= since && pattern.test(m.body))
          .at(-1);
        match = text ? text.body.match(pattern) : null;
        return match !== null;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return match!;
}

/** Opens /portal/<slug>, asks for a code for `phone` (typed as a person would) and signs in with it. */
export async function portalSignIn(
  page: Page,
  fake: FakeTwilio,
  {
    url,
    slug,
    businessName,
    phone,
    typed,
  }: { url: string; slug: string; businessName: string; phone: string; typed: string },
): Promise<void> {
  await page.goto(`${url}/portal/${slug}`);
  await page.getByRole("heading", { name: `Sign in to ${businessName}`, level: 1 }).waitFor();
  const since = new Date(Date.now() - 1000);
  await page.getByLabel("Mobile number").fill(typed);
  await page.getByRole("button", { name: "Text me a code" }).click();
  await page.getByLabel("6-digit code").waitFor();
  const [, code] = await textTo(fake, phone, /(\d{6}) is your .* sign-in code/, since);
  await page.getByLabel("6-digit code").fill(code!);
  await page.getByRole("checkbox", { name: /Remember this device/ }).check();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("navigation", { name: "Your account" }).waitFor();
}
