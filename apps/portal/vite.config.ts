import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API server (apps/server) listens on :3000 and serves this build under /portal/ in production.
// changeOrigin stays false: the server's CSRF guard accepts an Origin equal to the request's own
// host, and the browser's Origin is this dev server.
const api = { "/trpc": { target: "http://127.0.0.1:3000", changeOrigin: false } };

export default defineConfig({
  base: "/portal/",
  plugins: [react()],
  resolve: { dedupe: ["react", "react-dom"] },
  server: { host: "127.0.0.1", port: 5175, proxy: api },
  preview: { host: "127.0.0.1", port: 4175, proxy: api },
  build: { outDir: "dist", emptyOutDir: true },
});
