// Server-rendered markup checks: no DOM library needed (react-dom/server ships with react-dom).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Alert, Badge, Button, DataTable, LoadErrorAlert, PageNotice, SignInForm, TextField } from "../src/index.ts";

const noop = () => {};

describe("SignInForm", () => {
  it("labels its fields Email and Password and has a Sign in button", () => {
    const html = renderToStaticMarkup(<SignInForm onSubmit={noop} title="Platform console" />);
    expect(html).toMatch(
      /<label[^>]*for="([^"]+)"[^>]*>Email<span[^>]*>\*<\/span><\/label><input id="\1"[^>]*type="email"/,
    );
    expect(html).toMatch(
      /<label[^>]*for="([^"]+)"[^>]*>Password<span[^>]*>\*<\/span><\/label><input id="\1"[^>]*type="password"/,
    );
    expect(html).toMatch(/<button type="submit"[^>]*>Sign in<\/button>/);
    expect(html).toContain("<h1");
    expect(html).not.toContain('role="alert"');
  });

  it("shows the form error as an alert and field errors next to the fields", () => {
    const html = renderToStaticMarkup(
      <SignInForm
        onSubmit={noop}
        error="Email or password is incorrect."
        fieldErrors={{ email: "Enter a valid email address." }}
      />,
    );
    expect(html).toMatch(/role="alert"[^>]*>.*Email or password is incorrect\./);
    expect(html).toMatch(
      /aria-invalid="true" aria-describedby="([^"]+-error)".*<p id="\1"[^>]*>.*Enter a valid email address\./,
    );
  });

  it("disables everything while submitting", () => {
    const html = renderToStaticMarkup(<SignInForm onSubmit={noop} submitting />);
    expect(html.match(/<input[^>]* disabled=""/g)).toHaveLength(2);
    expect(html).toMatch(/<button type="submit" disabled="" aria-busy="true"/);
  });
});

describe("Button", () => {
  it("defaults to type=button and marks loading as busy and disabled", () => {
    expect(renderToStaticMarkup(<Button>Save</Button>)).toMatch(
      /^<button type="button" class="sp-button sp-button--secondary sp-button--md">Save<\/button>$/,
    );
    const loading = renderToStaticMarkup(
      <Button variant="danger" loading>
        Delete
      </Button>,
    );
    expect(loading).toContain('disabled=""');
    expect(loading).toContain('aria-busy="true"');
    expect(loading).toContain("sp-button--danger");
  });
});

describe("TextField", () => {
  it("links the hint and passes input props through", () => {
    const html = renderToStaticMarkup(
      <TextField label="Phone number" id="phone" hint="We'll text you." type="tel" disabled />,
    );
    expect(html).toContain('<label class="sp-field__label" for="phone">Phone number</label>');
    expect(html).toMatch(/<input id="phone" type="tel" aria-describedby="phone-hint"[^>]* disabled=""/);
  });
});

describe("Alert and Badge", () => {
  it("uses role=alert for errors and role=status otherwise", () => {
    expect(renderToStaticMarkup(<Alert tone="error">Nope</Alert>)).toContain('role="alert"');
    expect(renderToStaticMarkup(<Alert tone="success">Saved</Alert>)).toContain('role="status"');
  });

  it("applies the tone class", () => {
    expect(renderToStaticMarkup(<Badge tone="premium">Elite</Badge>)).toBe(
      '<span class="sp-badge sp-badge--premium">Elite</span>',
    );
  });
});

describe("LoadErrorAlert", () => {
  const failure = Object.assign(new Error("You can't see this business."), { data: { code: "FORBIDDEN" } });

  it("shows the reason as an alert and offers Try again", () => {
    const html = renderToStaticMarkup(
      <LoadErrorAlert title="Tenants couldn't be loaded" error={failure} onRetry={noop} retrying />,
    );
    expect(html).toMatch(/role="alert".*Tenants couldn&#x27;t be loaded.*You can&#x27;t see this business\./);
    expect(html).toMatch(/<button type="button" disabled="" aria-busy="true"[^>]*>.*Try again<\/button>/);
  });

  it("leaves Try again out without onRetry", () => {
    expect(renderToStaticMarkup(<LoadErrorAlert title="Nope" error={failure} />)).not.toContain("<button");
  });
});

describe("PageNotice", () => {
  it("is a card with the page's h1, its text and actions", () => {
    const html = renderToStaticMarkup(
      <PageNotice
        documentTitle="Business not found · ServicePro"
        icon={null}
        title="We couldn't find that business"
        description={<p>Check the link.</p>}
        actions={<Button>Sign out</Button>}
        className="portal-message"
      />,
    );
    expect(html).toMatch(
      /^<title>Business not found · ServicePro<\/title><div class="sp-card sp-notice portal-message">/,
    );
    expect(html).toMatch(/<h1 class="sp-empty__title">We couldn&#x27;t find that business<\/h1>/);
    expect(html).toContain("<p>Check the link.</p>");
    expect(html).toContain(">Sign out</button>");
  });
});

describe("DataTable", () => {
  type Row = { id: string; name: string; plan: string };
  const columns = [
    { id: "name", header: "Name", rowHeader: true, cell: (row: Row) => row.name },
    { id: "plan", header: "Plan", align: "end" as const, cell: (row: Row) => row.plan },
  ];

  it("renders column headers, row headers and cells", () => {
    const html = renderToStaticMarkup(
      <DataTable
        caption="Tenants"
        captionHidden
        columns={columns}
        rows={[
          { id: "1", name: "Clean Machine", plan: "Internal" },
          { id: "2", name: "Green Lawn Co", plan: "Pro" },
        ]}
        rowKey={(row) => row.id}
      />,
    );
    expect(html).toContain('<caption class="sp-visually-hidden">Tenants</caption>');
    expect(html).toContain('<th scope="col">Name</th>');
    expect(html).toContain('<th scope="row">Clean Machine</th>');
    // The header doubles as the cell's label when rows stack on a phone.
    expect(html).toContain('<td class="sp-table__cell--end" data-label="Plan">Pro</td>');
  });

  it("shows the empty state across all columns", () => {
    const html = renderToStaticMarkup(
      <DataTable columns={columns} rows={[]} rowKey={(row) => row.id} empty="No tenants yet." />,
    );
    expect(html).toContain('<td colSpan="2"><p class="sp-table__empty">No tenants yet.</p></td>');
  });
});
