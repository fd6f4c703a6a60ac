import "@servicepro/ui/styles.css";
import "./tenant.css";
import { renderApp } from "@servicepro/web";
import { App } from "./App.tsx";

renderApp(<App />);
