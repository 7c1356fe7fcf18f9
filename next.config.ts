import type { NextConfig } from "next";

/** Only /embed/* may be framed (by anyone); every other route refuses framing. */
const denyFraming = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/((?!embed/|embed$).*)", headers: [...denyFraming, { key: "X-Content-Type-Options", value: "nosniff" }] },
      { source: "/embed/:path*", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] },
    ];
  },
};

export default nextConfig;
