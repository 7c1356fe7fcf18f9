import type { NextConfig } from "next";

/**
 * Response headers by path:
 * - pages and API routes refuse framing and sniffing, and send no full URLs (with their view's query) to
 *   other sites: Referrer-Policy strict-origin-when-cross-origin;
 * - /embed/* may be framed by anyone (its own policy is a <meta> tag, lib/share/embed-html.ts);
 * - /api/image/* sets its own Content-Security-Policy (the SVG's `default-src 'none'; sandbox`), which a
 *   header here would replace: it gets every other header but that one.
 */
const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];
const denyFraming = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/((?!embed/|embed$|api/image/).*)", headers: [...denyFraming, ...common] },
      { source: "/api/image/:path*", headers: [{ key: "X-Frame-Options", value: "DENY" }, ...common] },
      { source: "/embed/:path*", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] },
    ];
  },
};

export default nextConfig;
