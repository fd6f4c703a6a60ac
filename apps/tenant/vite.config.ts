import { defineAppConfig } from "@servicepro/vite-config";

export default defineAppConfig({ base: "/app/", devPort: 5174 });
