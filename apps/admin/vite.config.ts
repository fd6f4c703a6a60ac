import { defineAppConfig } from "@servicepro/vite-config";

export default defineAppConfig({ base: "/admin/", devPort: 5173 });
