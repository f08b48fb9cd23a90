// The drawing kit of the routine illustrations (scripts/gen-illustrations.mjs draws each one with it):
// the shared style (strokes only, a light and a dark palette), lines, curves and motion arrows, the
// furniture (floor, wall, chairs, stool), and profile and front figures whose joints a drawing moves.

export const STYLE =
  '<style>' +
  '.l,.h,.p,.m,.d{fill:none;stroke:#2f5d50;stroke-linecap:round;stroke-linejoin:round}' +
  '.l{stroke-width:7}.h{stroke-width:4;fill:#7fb8a4}.f{opacity:.45}' +
  '.p{stroke-width:3;opacity:.5}' +
  '.m{stroke:#4f9a80;stroke-width:3.5}' +
  '.d{stroke:#4f9a80;stroke-width:2.5;stroke-dasharray:4 6}' +
  '.a{fill:#7fb8a4}' +
  '@media (prefers-color-scheme:dark){.l,.h,.p{stroke:#cfe8df}.m,.d{stroke:#8fd6be}.h,.a{fill:#4f8f7a}}' +
  '</style>';

const r = (n) => Math.round(n * 10) / 10;
const pt = ([x, y]) => `${r(x)} ${r(y)}`;

/** A polyline through points. */
export function line(pts, cls = 'l') {
  return `<path class="${cls}" d="M${pts.map(pt).join('L')}"/>`;
}
export function curve(a, c, b, cls = 'l') {
  return `<path class="${cls}" d="M${pt(a)}Q${pt(c)} ${pt(b)}"/>`;
}
function head([x, y], rad = 11) {
  return `<circle class="h" cx="${x}" cy="${y}" r="${rad}"/>`;
}
export function ball([x, y], rad = 8) {
  return `<circle class="h" cx="${x}" cy="${y}" r="${rad}"/>`;
}
/** Arrowhead at `to`, pointing away from `from`. */
function tip(from, to, cls = 'm') {
  const ang = Math.atan2(to[1] - from[1], to[0] - from[0]);
  const a1 = ang + Math.PI - 0.5;
  const a2 = ang + Math.PI + 0.5;
  const p1 = [to[0] + 7 * Math.cos(a1), to[1] + 7 * Math.sin(a1)];
  const p2 = [to[0] + 7 * Math.cos(a2), to[1] + 7 * Math.sin(a2)];
  return `<path class="${cls}" d="M${pt(p1)}L${pt(to)}L${pt(p2)}"/>`;
}
/** Curved motion arrow from a to b bending through control c; `both` for two heads. */
export function arrow(a, c, b, both = false) {
  c = c ?? [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  return curve(a, c, b, 'm') + tip(c, b) + (both ? tip(c, a) : '');
}
/** Circular motion arrow around (cx, cy), from angle a0 to a1 (degrees, clockwise). */
export function spin(cx, cy, rad, a0 = -150, a1 = 150) {
  const P = (deg) => [cx + rad * Math.cos((deg * Math.PI) / 180), cy + rad * Math.sin((deg * Math.PI) / 180)];
  const s = P(a0);
  const e = P(a1);
  const large = a1 - a0 > 180 ? 1 : 0;
  const before = P(a1 - 20);
  return `<path class="m" d="M${pt(s)}A${rad} ${rad} 0 ${large} 1 ${pt(e)}"/>` + tip(before, e);
}

export const floor = (x1 = 20, x2 = 180) => line([[x1, 146], [x2, 146]], 'p');
export const wall = (x = 40) => line([[x, 14], [x, 146]], 'p') + line([[x - 10, 146], [x + 140, 146]], 'p');
/** Chair facing right: seat at y 104 from x to x+42, backrest on the left. */
export const chair = (x = 56) =>
  line([[x - 4, 60], [x + 2, 104], [x + 42, 104]], 'p') + line([[x + 4, 104], [x + 4, 146]], 'p') + line([[x + 38, 104], [x + 38, 146]], 'p');
/** Chair with its back on the right (for standing beside it). */
export const chairR = (x = 150) =>
  line([[x + 4, 60], [x - 2, 104], [x - 40, 104]], 'p') + line([[x - 4, 104], [x - 4, 146]], 'p') + line([[x - 36, 104], [x - 36, 146]], 'p');
/** Backless stool, seen from the side. */
export const stool = (x = 60) => line([[x, 104], [x + 38, 104]], 'p') + line([[x + 19, 104], [x + 19, 146]], 'p');
/** A seat seen from the front. */
export const seatFront = () => line([[64, 118], [136, 118]], 'p') + line([[70, 118], [70, 146]], 'p') + line([[130, 118], [130, 146]], 'p');

/** Seated profile figure facing right; override any joint. */
export function seated(o = {}) {
  const j = {
    head: [84, 37],
    neck: [80, 52],
    hip: [80, 98],
    back: null,
    arm: [[90, 80], [110, 92]],
    farArm: null,
    leg: [[118, 98], [120, 140], [132, 140]],
    farLeg: [[114, 100], [114, 140], [126, 140]],
    ...o,
  };
  return body(j);
}
/** Standing profile figure facing right. */
export function standing(o = {}) {
  const j = {
    head: [102, 30],
    neck: [100, 46],
    hip: [100, 94],
    back: null,
    arm: [[104, 72], [106, 96]],
    farArm: null,
    leg: [[102, 120], [102, 144], [114, 144]],
    farLeg: [[96, 120], [94, 144], [106, 144]],
    ...o,
  };
  return body(j);
}
function body(j) {
  const sh = j.shoulder ?? [j.neck[0], j.neck[1] + 5];
  let s = '';
  if (j.farLeg) s += line([j.hip, ...j.farLeg], 'l f');
  if (j.farArm) s += line([sh, ...j.farArm], 'l f');
  s += j.back ? curve(j.neck, j.back, j.hip) : line([j.neck, j.hip]);
  if (j.leg) s += line([j.hip, ...j.leg]);
  if (j.arm) s += line([sh, ...j.arm]);
  s += head(j.head);
  return s;
}
/** Front-view upper body (head, shoulders, arms), seated on a front seat unless `standingLegs`. */
export function front(o = {}) {
  const j = {
    head: [100, 36],
    neck: [100, 52],
    hip: [100, 112],
    ls: [76, 60],
    rs: [124, 60],
    la: [[70, 88], [72, 114]],
    ra: [[130, 88], [128, 114]],
    legs: [[[86, 118], [84, 146]], [[114, 118], [116, 146]]],
    ...o,
  };
  let s = line([j.ls, j.neck, j.rs]) + line([j.neck, j.hip]);
  for (const leg of j.legs) s += line([j.hip, ...leg]);
  if (j.la) s += line([j.ls, ...j.la]);
  if (j.ra) s += line([j.rs, ...j.ra]);
  s += line([j.neck, [j.head[0] + (j.neck[0] - j.head[0]) * 0.3, j.neck[1] - 4]]);
  s += head(j.head, 12);
  return s;
}
