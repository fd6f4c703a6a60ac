// The Vite configuration the three React apps share; each passes only what differs.
import react from "@vitejs/plugin-react";
import { defineConfig, type UserConfig } from "vite";

export type AppConfigOptions = {
  /** The URL prefix the server serves the build under, e.g. "/admin/". */
  base: `/${string}/`;
  /** Dev server port; `vite preview` uses this minus 1000. */
  devPort: number;
};

export function defineAppConfig({ base, devPort }: AppConfigOptions): UserConfig {
  // In development the API server (apps/server) runs on PORT (default 3000). changeOrigin stays
  // false: the server's CSRF guard accepts an Origin equal to the request's own host.
  const api = { "/trpc": { target: `http://127.0.0.1:${process.env.PORT ?? 3000}`, changeOrigin: false } };
  return defineConfig({
    base,
    plugins: [react()],
    resolve: { dedupe: ["react", "react-dom"] },
    server: { host: "127.0.0.1", port: devPort, strictPort: true, proxy: api },
    preview: { host: "127.0.0.1", port: devPort - 1000, strictPort: true, proxy: api },
    build: { outDir: "dist", emptyOutDir: true },
  });
}
