import { domain } from "@servicepro/eslint-config";

export default domain;
