import "@servicepro/ui/styles.css";
import "./admin.css";
import { renderApp } from "@servicepro/web";
import { App } from "./App.tsx";

renderApp(<App />);
