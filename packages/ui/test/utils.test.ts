import { describe, expect, it } from "vitest";
import { cx, fieldErrorsFromIssues, formatDate, initials, isValidationIssueList } from "../src/utils.ts";

describe("cx", () => {
  it("joins truthy class names", () => {
    expect(cx("a", false, null, undefined, "", "b")).toBe("a b");
    expect(cx()).toBe("");
  });
});

describe("formatDate", () => {
  it("formats ISO strings from the API", () => {
    expect(formatDate("2025-03-04T12:00:00.000Z", { locale: "en-US", timeZone: "UTC" })).toBe("Mar 4, 2025");
    expect(formatDate("2025-03-04T12:00:00.000Z", { locale: "en-US", timeZone: "UTC", style: "long" })).toBe(
      "March 4, 2025",
    );
  });

  it("falls back instead of printing Invalid Date", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate("")).toBe("—");
    expect(formatDate("not a date", { fallback: "n/a" })).toBe("n/a");
  });
});

describe("validation issues", () => {
  const issues = [
    { path: ["email"], message: "Enter a valid email address." },
    { path: ["email"], message: "That email address is too long." },
    { path: ["password"], message: "Enter your password." },
    { path: [], message: "Something about the whole form." },
    { path: ["items", 0, "name"], message: "Name the item." },
  ];

  it("keeps the first message per top-level field", () => {
    expect(fieldErrorsFromIssues(issues)).toEqual({
      email: "Enter a valid email address.",
      password: "Enter your password.",
      "": "Something about the whole form.",
      items: "Name the item.",
    });
  });

  it("recognises the API's issue list shape", () => {
    expect(isValidationIssueList(issues)).toBe(true);
    expect(isValidationIssueList([])).toBe(true);
    expect(isValidationIssueList(undefined)).toBe(false);
    expect(isValidationIssueList([{ message: "no path" }])).toBe(false);
    expect(isValidationIssueList([{ path: "email", message: "path is not an array" }])).toBe(false);
  });
});

describe("initials", () => {
  it("takes first and last initials of a name, or the first letter of an email", () => {
    expect(initials("Ada Lovelace")).toBe("AL");
    expect(initials("Grace Brewster Hopper")).toBe("GH");
    expect(initials("cher")).toBe("C");
    expect(initials("owner@servicepro.test")).toBe("O");
    expect(initials("   ")).toBe("?");
  });
});
