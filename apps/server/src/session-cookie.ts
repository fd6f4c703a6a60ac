import type { SessionCookieJar } from "@servicepro/api";
import { parse, serialize } from "hono/utils/cookie";

/** `__Host-` pins the cookie to this exact origin, but browsers accept it only over https. */
export const sessionCookieName = (secure: boolean) => (secure ? "__Host-sp_session" : "sp_session");

/** The session cookie over one request/response: HttpOnly, SameSite=Lax, Path=/, Secure on https. */
export function createCookieJar(opts: {
  request: Request;
  responseHeaders: Headers;
  name: string;
  secure: boolean;
}): SessionCookieJar {
  const base = { httpOnly: true, sameSite: "Lax", path: "/", secure: opts.secure } as const;
  return {
    read: () => {
      const header = opts.request.headers.get("cookie");
      return header ? parse(header, opts.name)[opts.name] : undefined;
    },
    set: (token, expiresAt) => {
      opts.responseHeaders.append("Set-Cookie", serialize(opts.name, token, { ...base, expires: expiresAt }));
    },
    clear: () => {
      opts.responseHeaders.append("Set-Cookie", serialize(opts.name, "", { ...base, maxAge: 0, expires: new Date(0) }));
    },
  };
}
