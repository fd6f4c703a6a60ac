import { defineAppConfig } from "@servicepro/vite-config";

export default defineAppConfig({ base: "/portal/", devPort: 5175 });
