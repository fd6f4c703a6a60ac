// The calls log's caller cell: names from the customer or the carrier, the forwarding number, and
// "Private number" for a withheld caller ID (never the placeholder digits Twilio sends).
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CallerCell, type CallerCellCall } from "../src/calls/CallerCell.tsx";

const base: CallerCellCall = {
  fromNumber: "+15555550150",
  customerName: null,
  callerName: null,
  forwardedFrom: null,
  callerWithheld: false,
  routedByFallback: false,
};

describe("CallerCell", () => {
  it("shows the carrier's name and the number that forwarded the call", () => {
    const { container } = render(
      <CallerCell call={{ ...base, callerName: "Jane Doe", forwardedFrom: "+15550100000" }} />,
    );
    expect(screen.getByText("Jane Doe · forwarded from (555) 010-0000")).toBeTruthy();
    expect(container.textContent).toContain("(555) 555-0150");
  });

  it("prefers the customer's own name to the carrier's", () => {
    const { container } = render(<CallerCell call={{ ...base, customerName: "Janey", callerName: "DOE JANE" }} />);
    expect(container.textContent).toContain("Janey");
    expect(container.textContent).not.toContain("DOE JANE");
  });

  it("shows a withheld caller ID as a private number", () => {
    const { container } = render(<CallerCell call={{ ...base, fromNumber: "+266696687", callerWithheld: true }} />);
    expect(container.textContent).toBe("Private number");
  });

  it("shows the number alone when there is no name", () => {
    const { container } = render(<CallerCell call={base} />);
    expect(container.textContent).toBe("(555) 555-0150");
  });
});
