/*! Modelshare embed.js — fits Modelshare chart iframes to their content. Optional: without it the iframe
 * keeps the height in its snippet. Listens for {type: "modelshare:height", height} from an iframe whose
 * src is a Modelshare /embed/ URL, only when the message comes from that iframe's window and origin; on
 * load it asks the iframes already there to measure again ({type: "modelshare:measure"}), since they may
 * have reported before this script arrived. */
(function () {
  if (window.__modelshareEmbed) return;
  window.__modelshareEmbed = 1;
  function embedOrigin(f) {
    try {
      var u = new URL(f.src, location.href);
      return u.pathname.indexOf("/embed/") === 0 ? u.origin : null;
    } catch (x) {
      return null;
    }
  }
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!d || d.type !== "modelshare:height" || typeof d.height !== "number" || !isFinite(d.height)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow !== e.source) continue;
      if (embedOrigin(f) === e.origin) f.style.height = Math.max(80, Math.min(Math.ceil(d.height), 4000)) + "px";
      return;
    }
  });
  var frames = document.getElementsByTagName("iframe");
  for (var i = 0; i < frames.length; i++) {
    var o = embedOrigin(frames[i]);
    if (o && frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: "modelshare:measure" }, o);
  }
})();
