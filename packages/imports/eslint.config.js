export { default } from "@servicepro/eslint-config";
