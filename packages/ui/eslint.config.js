export { base as default } from "@servicepro/eslint-config";
