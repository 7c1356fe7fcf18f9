// A second origin for the embed tests (another local port): serves a blog-like page that frames a URL of
// the Modelshare server under test, optionally with its embed.js, and records the messages it receives.
// Usage: node e2e/sharing/host-server.mjs <port>
import { createServer } from "node:http";

const port = Number(process.argv[2] || 3229);
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function page(q) {
  const src = q.get("src") || "";
  const secret = q.get("secret");
  const script = q.get("script") === "1";
  const height = Number(q.get("height") || 150);
  const width = q.get("width") || "100%";
  const frameSrc = secret ? `${src}#?secret=${secret}` : src;
  const origin = src ? new URL(src).origin : "";
  return `<!doctype html><html><head><meta charset="utf-8"><title>A blog post</title>
<style>body{font:16px/1.5 sans-serif;margin:0 auto;padding:16px;max-width:${esc(q.get("column") || "760")}px}</style></head>
<body><h1>A blog post about LLM tokens</h1><p>Here is the chart:</p>
<iframe id="chart" src="${esc(frameSrc)}" title="Modelshare chart" height="${height}" style="border:0;width:${esc(width)}"
 ${secret ? `data-secret="${esc(secret)}" sandbox="allow-scripts"` : ""} loading="eager"></iframe>
<p>And the text goes on.</p>
<script>
window.__messages = [];
window.addEventListener("message", function (e) { window.__messages.push({ origin: e.origin, data: e.data }); });
${secret ? `// WordPress's wp-embed protocol: resize the iframe whose data-secret matches.
window.addEventListener("message", function (e) {
  var d = e.data; if (!d || d.message !== "height" || d.secret !== ${JSON.stringify(secret)}) return;
  var f = document.getElementById("chart"); if (f.contentWindow === e.source) f.height = Math.max(200, Math.min(d.value, 1000));
});` : ""}
</script>
${script ? `<script async src="${esc(origin)}/embed.js"></script>` : ""}
</body></html>`;
}

createServer((req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${port}`);
  if (url.pathname === "/health") return res.end("ok");
  if (url.pathname === "/host.html") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(page(url.searchParams));
  }
  res.writeHead(404).end("not found");
}).listen(port, "127.0.0.1");
