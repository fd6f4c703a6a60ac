// The composer's message editor in a DOM: merge fields go in where the cursor is; the segment
// count, encoding and cost follow the text; the characters that force Unicode are named and marked
// in the preview, which carries the business name and the STOP line; past 10 segments it says so.
import { Form, useZodForm } from "@servicepro/ui";
import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { campaignFormSchema, campaignFormValues } from "../src/campaigns/campaign-forms.ts";
import { MessageEditor } from "../src/campaigns/MessageEditor.tsx";

const BUSINESS = { name: "Green Lawn Co", bookingLink: "https://app.example.com/book/green-lawn" };

function Editor({ recipients }: { recipients: number | undefined }) {
  const form = useZodForm(campaignFormSchema(BUSINESS), { defaultValues: campaignFormValues() });
  return (
    <Form form={form} onSubmit={() => undefined}>
      <MessageEditor business={BUSINESS} recipients={recipients} />
    </Form>
  );
}

/** The figure under the box named `term` ("Segments", "Encoding", …). */
const figure = (term: string) =>
  within(screen.getByLabelText("Message figures")).getByText(term).nextElementSibling?.textContent;

describe("MessageEditor", () => {
  it("should insert merge fields at the cursor and count, cost and preview the text", async () => {
    const user = userEvent.setup();
    render(<Editor recipients={250} />);
    const message = screen.getByRole("textbox", { name: /^Message/ }) as HTMLTextAreaElement;
    await user.type(message, "Hi , spring aeration is back!");
    message.setSelectionRange(3, 3);
    await user.click(screen.getByRole("button", { name: "First name" }));
    expect(message.value).toBe("Hi {first_name}, spring aeration is back!");
    await user.click(screen.getByRole("button", { name: "Booking link" }));
    expect(message.value).toBe("Hi {first_name}{booking_link}, spring aeration is back!");

    expect(figure("Segments")).toBe("1 of 10 at most");
    expect(figure("Encoding")).toBe("GSM-7 (plain text)");
    expect(figure("Estimated cost")).toMatch(/^\$2\.08 \(250 × 1 × \$0\.0083\)$/);
    const preview = screen.getByRole("figure", { name: /Preview for a customer named Alex/ });
    expect(preview.textContent).toContain(
      "Green Lawn Co: Hi Alexhttps://app.example.com/book/green-lawn, spring aeration is back!\nReply STOP to opt out",
    );
  });

  it("should name and mark the characters that force Unicode, and say when the text is past 10 segments", async () => {
    render(<Editor recipients={undefined} />);
    const message = screen.getByRole("textbox", { name: /^Message/ });
    fireEvent.change(message, { target: { value: "“Spring” sale 🌱" } });
    expect(figure("Encoding")).toBe("Unicode (UCS-2)");
    expect(figure("Estimated cost")).toBe("Counting…");
    const note = screen.getByRole("status");
    expect(
      within(note)
        .getAllByText(/./, { selector: "mark" })
        .map((m) => m.textContent),
    ).toEqual(["“", "”", "🌱"]);
    const preview = screen.getByRole("figure", { name: /Preview/ });
    expect(
      within(preview)
        .getAllByTitle("Forces Unicode")
        .map((m) => m.textContent),
    ).toEqual(["“", "”", "🌱"]);
    expect(screen.queryByRole("alert")).toBeNull();

    fireEvent.change(message, { target: { value: "🎉 Big sale! ".repeat(60) } });
    expect(screen.getByRole("alert").textContent).toMatch(/runs to 1[1-9] segments.*the limit is 10.*🎉/);
    expect(figure("Segments")).toMatch(/^1[1-9] of 10 at most$/);
  });
});
