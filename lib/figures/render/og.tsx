/**
 * Scene → elements for next/og (satori): shapes in one inline <svg>, texts as absolutely placed boxes
 * (satori draws text with its embedded font; text inside SVG it would not). Texts pass through ogText, so
 * rendering never fetches a font or emoji from the network.
 */
import { paint, type Palette } from "../palette";
import type { Scene, Shape, TextItem } from "./scene";
import { ogText } from "./og-text";

function shapeEl(s: Shape, p: Palette, key: number) {
  switch (s.type) {
    case "path":
      return (
        <path
          key={key}
          d={s.d}
          fill={s.fill ? paint(p, s.fill) : "none"}
          fillOpacity={s.fillOpacity}
          stroke={s.stroke ? paint(p, s.stroke) : undefined}
          strokeWidth={s.stroke ? (s.width ?? 1) : undefined}
          strokeDasharray={s.dash}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      );
    case "rect":
      return <rect key={key} x={s.x} y={s.y} width={s.w} height={s.h} rx={s.rx} fill={paint(p, s.fill)} />;
    case "line":
      return <line key={key} x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} stroke={paint(p, s.stroke)} strokeWidth={s.width ?? 1} strokeDasharray={s.dash} />;
    case "circle":
      return <circle key={key} cx={s.cx} cy={s.cy} r={s.r} fill={paint(p, s.fill)} stroke={s.stroke ? paint(p, s.stroke) : undefined} strokeWidth={s.stroke ? (s.width ?? 1) : undefined} />;
  }
}

/** Box of a text whose baseline is at t.y (line height 1: the baseline sits ~0.8 em below the top). */
function textEl(t: TextItem, p: Palette, width: number, key: number) {
  const top = t.y - t.size * 0.8;
  const common = {
    position: "absolute" as const,
    top,
    display: "flex",
    fontSize: t.size,
    lineHeight: 1,
    color: paint(p, t.paint),
    fontWeight: t.weight ?? 400,
    whiteSpace: "pre" as const,
  };
  const text = ogText(t.text);
  if (t.anchor === "start") return <div key={key} style={{ ...common, left: t.x }}>{text}</div>;
  if (t.anchor === "end") return <div key={key} style={{ ...common, right: width - t.x }}>{text}</div>;
  return <div key={key} style={{ ...common, left: t.x - 600, width: 1200, justifyContent: "center" }}>{text}</div>;
}

export function sceneToOg(scene: Scene, palette: Palette) {
  return (
    <div style={{ position: "relative", display: "flex", width: scene.width, height: scene.height, background: palette.bg }}>
      <svg width={scene.width} height={scene.height} viewBox={`0 0 ${scene.width} ${scene.height}`} style={{ position: "absolute", left: 0, top: 0 }}>
        {scene.shapes.map((s, i) => shapeEl(s, palette, i))}
      </svg>
      {scene.texts.map((t, i) => textEl(t, palette, scene.width, i))}
    </div>
  );
}
