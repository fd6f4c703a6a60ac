import "@servicepro/ui/styles.css";
import "./portal.css";
import { renderApp } from "@servicepro/web";
import { App } from "./App.tsx";

renderApp(<App />);
