export { app as default } from "@servicepro/eslint-config";
