import "@servicepro/ui/styles.css";
import "./portal.css";
import { renderApp } from "@servicepro/web";
import { RouterProvider } from "@tanstack/react-router";
import { router } from "./router.tsx";

renderApp(<RouterProvider router={router} />);
