// Inter, bundled from @fontsource-variable/inter and served by this app: the game must run on a school
// network with no internet, so no font service (next/font/google fails offline).
import localFont from "next/font/local";

export const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter",
});
