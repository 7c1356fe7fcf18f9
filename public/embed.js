/*! Modelshare embed.js — fits Modelshare chart iframes to their content. Optional: without it the iframe
 * keeps the height in its snippet. Listens for {type: "modelshare:height", height} from an iframe whose
 * src is a Modelshare /embed/ URL, and only when the message comes from that iframe's window and origin. */
(function () {
  if (window.__modelshareEmbed) return;
  window.__modelshareEmbed = 1;
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!d || d.type !== "modelshare:height" || typeof d.height !== "number" || !isFinite(d.height)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow !== e.source) continue;
      var src;
      try {
        src = new URL(f.src, location.href);
      } catch (x) {
        return;
      }
      if (src.origin !== e.origin || src.pathname.indexOf("/embed/") !== 0) return;
      f.style.height = Math.max(80, Math.min(Math.ceil(d.height), 4000)) + "px";
      return;
    }
  });
})();
