// A text's photos and attachments in the inbox thread: images as thumbnails that open full size,
// anything else as a download link, every one through our session-checked /media/messages route.
import { createTestApi } from "@servicepro/web/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ThreadPanel } from "../src/inbox/ThreadPanel.tsx";

const CONVERSATION_ID = "0b7e6a4c-1d2f-4e3a-9b8c-7d6e5f4a3b2c";
const MMS_ID = "5c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
const PHOTO_ONLY_ID = "6d2e3f4a-5b6c-4d7e-8f80-91a2b3c4d5e6";

const message = (id: string, body: string, media: { url: string; contentType: string; inline: boolean }[]) => ({
  id,
  direction: "inbound" as const,
  body,
  status: "received" as const,
  kind: "inbound",
  createdAt: "2026-12-02T09:30:00.000Z",
  errorCode: null,
  errorMessage: null,
  sentBy: null,
  media,
});

function renderThread() {
  const api = createTestApi({
    "tenant.inbox.thread": () => ({
      conversation: {
        id: CONVERSATION_ID,
        customer: { id: "c1", name: "Dana Whitfield", phone: "+15125550142" },
        tenantNumber: "+15125550100",
        unreadCount: 0,
        optedOutAt: null,
        optedOutVia: null,
      },
      messages: [
        message(MMS_ID, "Here is the broken sprinkler", [
          { url: `/media/messages/${MMS_ID}/0`, contentType: "image/jpeg", inline: true },
          { url: `/media/messages/${MMS_ID}/1`, contentType: "image/png", inline: true },
          { url: `/media/messages/${MMS_ID}/2`, contentType: "application/pdf", inline: false },
        ]),
        message(PHOTO_ONLY_ID, "", [
          { url: `/media/messages/${PHOTO_ONLY_ID}/0`, contentType: "image/webp", inline: true },
        ]),
      ],
      olderCursor: null,
    }),
    "tenant.inbox.conversations": () => ({ items: [], nextCursor: null }),
    "tenant.inbox.unread": () => ({ conversations: 0, messages: 0 }),
    "tenant.agent.thread": () => ({ mode: "off", pausedUntil: null, handoff: null, draft: null, lastRun: null }),
  });
  render(<ThreadPanel conversationId={CONVERSATION_ID} onClose={() => {}} />, { wrapper: api.Providers });
  return api;
}

describe("ThreadPanel media", () => {
  it("should show photos as thumbnails that open full size, through the media route", async () => {
    renderThread();
    const photos = await screen.findAllByRole("img", { name: /^Photo/ });
    expect(photos.map((img) => img.getAttribute("src"))).toEqual([
      `/media/messages/${MMS_ID}/0`,
      `/media/messages/${MMS_ID}/1`,
      `/media/messages/${PHOTO_ONLY_ID}/0`,
    ]);
    expect(photos[0]!.getAttribute("alt")).toBe("Photo 1 from Dana Whitfield");
    expect(photos[2]!.getAttribute("alt")).toBe("Photo from Dana Whitfield");
    const link = photos[0]!.closest("a")!;
    expect(link.getAttribute("href")).toBe(`/media/messages/${MMS_ID}/0`);
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toContain("noopener");
  });

  it("should offer other files as a download link, and keep the text beside its attachments", async () => {
    renderThread();
    const download = await screen.findByRole("link", { name: /Download attachment \(application\/pdf\)/ });
    expect(download.getAttribute("href")).toBe(`/media/messages/${MMS_ID}/2`);
    expect(download.hasAttribute("download")).toBe(true);
    const lists = screen.getAllByRole("list", { name: "Attachments" });
    expect(lists).toHaveLength(2);
    expect(within(lists[0]!).getAllByRole("listitem")).toHaveLength(3);
    expect(screen.getByText("Here is the broken sprinkler")).toBeTruthy();
    // No Twilio address ever reaches the page.
    expect(document.body.innerHTML).not.toContain("twilio.com");
  });
});
