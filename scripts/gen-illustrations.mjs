// Writes the routine illustrations, public/routines/<id>.svg: simple line figures, 200x160,
// strokes only, with a light and a dark palette (prefers-color-scheme), no text, no scripts.
// Run: node scripts/gen-illustrations.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { arrow, ball, chair, chairR, curve, floor, front, line, seated, seatFront, spin, standing, stool, STYLE, wall } from './illustration-kit.mjs';

const OUT = new URL('../public/routines/', import.meta.url);

const ART = {
  // ---- stretches
  'knee-to-chest': () =>
    chair() +
    seated({
      head: [90, 38],
      neck: [84, 53],
      leg: [[104, 70], [112, 100], [122, 100]],
      arm: [[98, 78], [110, 78]],
    }) +
    arrow([138, 112], [142, 84], [122, 66]),
  // Two phases side by side: the back rounded, chin down (cat), then arched, chest lifted (cow).
  'cat-cow': () =>
    `<g transform="translate(-42 14) scale(.8)">${stool(60) + seated({ head: [98, 52], neck: [90, 58], back: [66, 60], arm: [[100, 80], [112, 96]] })}</g>` +
    `<g transform="translate(56 14) scale(.8)">${stool(60) + seated({ head: [90, 30], neck: [86, 48], back: [94, 74], arm: [[98, 80], [112, 96]] })}</g>` +
    arrow([78, 40], [94, 26], [110, 40]),
  'hip-flexor-stretch': () =>
    floor() +
    chairR(164) +
    standing({
      head: [96, 30],
      neck: [94, 46],
      hip: [94, 92],
      arm: [[122, 60], [154, 64]],
      leg: [[116, 108], [118, 144], [130, 144]],
      farLeg: [[76, 118], [58, 140], [50, 144]],
    }) +
    arrow([84, 100], [92, 112], [108, 110]),
  // Front view, standing: elbows bent out to the sides like a goalpost, drawn down and back.
  'chest-opener': () =>
    floor() +
    front({ hip: [100, 96], la: [[54, 62], [56, 34]], ra: [[146, 62], [144, 34]], legs: [[[90, 120], [88, 144]], [[110, 120], [112, 144]]] }) +
    arrow([44, 54], null, [44, 80]) +
    arrow([156, 54], null, [156, 80]),
  // Front view: the head tilted toward one shoulder (tilt), and a turn arrow above it.
  'neck-side-stretch': () =>
    seatFront() + front({ head: [80, 42] }) + arrow([104, 20], [92, 8], [76, 18]) + arrow([120, 14], null, [150, 14], true),
  'shoulder-rolls': () => seatFront() + front() + spin(70, 54, 14) + spin(130, 54, 14, -30, 270),
  // Front view, seated: arms crossed over the chest, shoulders turned, a turning arrow round the waist.
  'seated-spinal-twist': () =>
    seatFront() +
    front({ head: [106, 36], ls: [82, 62], rs: [120, 56], la: [[100, 78], [120, 64]], ra: [[104, 72], [86, 66]] }) +
    arrow([62, 92], [100, 112], [140, 92]),
  'hamstring-stretch': () =>
    chair() +
    seated({
      head: [116, 50],
      neck: [102, 60],
      arm: [[118, 82], [130, 100]],
      leg: [[114, 112], [146, 138], [150, 126]],
    }) +
    arrow([112, 28], [132, 28], [140, 44]),
  'wrist-forearm-stretch': () =>
    stool() +
    seated({
      head: [84, 37],
      arm: [[106, 66], [134, 64], [140, 78]],
      farArm: [[100, 76], [132, 74]],
    }) +
    arrow([150, 60], [156, 72], [148, 86]),
  'standing-back-extension': () =>
    floor() +
    standing({ head: [88, 32], neck: [94, 48], back: [110, 70], arm: [[80, 70], [90, 88]] }) +
    arrow([112, 20], [96, 8], [76, 16]),
  'wall-angels': () =>
    `<rect class="p" x="30" y="10" width="140" height="136" rx="4"/>` +
    front({
      head: [100, 34],
      la: [[56, 60], [56, 30]],
      ra: [[144, 60], [144, 30]],
      legs: [[[90, 128], [88, 144]], [[110, 128], [112, 144]]],
    }) +
    arrow([40, 52], null, [40, 22]) +
    arrow([160, 52], null, [160, 22]),
  'upper-back-stretch': () =>
    stool() +
    seated({ head: [100, 50], neck: [90, 56], back: [64, 64], arm: [[112, 64], [136, 66]] }) +
    arrow([144, 54], null, [166, 56]) +
    arrow([56, 46], [44, 56], [46, 74]),
  'chin-tucks': () =>
    stool() + seated() + line([[84, 14], [84, 100]], 'd') + arrow([124, 36], null, [104, 36]),
  // Front view, standing: bending sideways, one hand sliding down the outside of the leg.
  'standing-side-bend': () =>
    floor() +
    front({
      head: [76, 40],
      neck: [86, 54],
      hip: [100, 96],
      ls: [70, 62],
      rs: [104, 50],
      la: [[64, 90], [72, 116]],
      ra: [[118, 70], [120, 94]],
      legs: [[[90, 120], [88, 144]], [[110, 120], [112, 144]]],
    }) +
    arrow([50, 84], null, [56, 118]) +
    arrow([118, 16], [96, 8], [76, 18]),
  // Front view, seated: one ankle resting on the other knee, the raised knee out to the side (a "4").
  'seated-figure-four': () =>
    seatFront() +
    front({ head: [100, 40], neck: [100, 56], hip: [100, 112], ls: [76, 64], rs: [124, 64], la: [[70, 90], [78, 112]], ra: [[136, 84], [148, 94]], legs: [[[84, 118], [82, 146]], [[150, 98], [76, 112]]] }) +
    arrow([168, 72], null, [160, 92]),
  // ---- self-massage
  'hand-massage-sore-spots': () =>
    stool(66) + seated({ head: [90, 37], neck: [86, 52], hip: [84, 98], arm: [[64, 70], [74, 92]] }) + spin(70, 90, 12),
  'tennis-ball-wall-upper-back': () =>
    wall(40) +
    standing({
      head: [62, 30],
      neck: [58, 46],
      hip: [62, 94],
      arm: [[66, 72], [80, 88]],
      leg: [[82, 118], [78, 144], [90, 144]],
      farLeg: [[78, 120], [72, 144], [84, 144]],
    }) +
    ball([47, 58], 7) +
    spin(88, 48, 9, -160, 140),
  // Side-on to the wall (seen from the front): the roller is held level between the wall and the
  // side of the back, below the raised arm, and rolls up and down as the knees bend.
  'foam-roller-wall-back': () =>
    wall(40) +
    `<circle class="h" cx="56" cy="80" r="12"/>` +
    front({
      head: [74, 34],
      neck: [74, 50],
      hip: [72, 100],
      ls: [60, 58],
      rs: [88, 58],
      la: [[54, 36], [68, 22]],
      ra: [[94, 84], [92, 106]],
      legs: [[[64, 124], [62, 146]], [[82, 124], [86, 146]]],
    }) +
    arrow([124, 60], null, [124, 104], true),
  'neck-shoulder-kneading': () =>
    seatFront() +
    front({ head: [104, 36], ra: [[104, 88], [84, 62]] }) +
    curve([68, 50], [74, 40], [84, 44], 'm') +
    curve([64, 62], [58, 56], [60, 46], 'm'),
  'massage-ball-lower-back': () =>
    chair(56) + seated({ head: [90, 37], neck: [84, 52], hip: [82, 98] }) + ball([68, 86], 7) + spin(68, 86, 15, -120, 160),
  'forearm-wrist-massage': () =>
    line([[112, 92], [186, 92]], 'p') +
    line([[176, 92], [176, 146]], 'p') +
    stool(50) +
    seated({
      head: [76, 37],
      neck: [72, 52],
      hip: [70, 98],
      arm: [[104, 86], [150, 86]],
      farArm: [[96, 74], [124, 80]],
      leg: [[106, 98], [108, 140], [120, 140]],
      farLeg: [[102, 100], [102, 140], [114, 140]],
    }) +
    spin(130, 70, 9, -170, 120),
  'massage-ball-hips-wall': () =>
    wall(40) +
    standing({
      head: [66, 34],
      neck: [62, 50],
      hip: [58, 98],
      arm: [[70, 76], [82, 90]],
      leg: [[86, 116], [80, 144], [92, 144]],
      farLeg: [[82, 118], [74, 144], [86, 144]],
    }) +
    ball([46, 100], 7) +
    spin(46, 100, 16, -80, 200),

  // ---- micro checks
  'posture-reset': () => chair() + seated() + line([[84, 10], [84, 140]], 'd') + arrow([100, 26], null, [100, 8]),
  'eye-rest-20-20-20': () =>
    `<path class="l" d="M22 80Q46 56 70 80Q46 104 22 80Z"/>` +
    `<circle class="h" cx="48" cy="80" r="7"/>` +
    line([[80, 80], [150, 80]], 'd') +
    line([[150, 112], [168, 70], [186, 112]], 'p') +
    line([[148, 112], [186, 112]], 'p') +
    `<circle class="a" cx="168" cy="50" r="7"/>`,
  'breathing-reset': () =>
    stool() +
    seated({ arm: [[92, 80], [104, 94]] }) +
    curve([100, 36], [112, 30], [124, 36], 'm') +
    curve([104, 44], [118, 38], [132, 46], 'm') +
    curve([100, 52], [112, 50], [124, 56], 'm'),
  'stand-up-break': () =>
    floor() +
    chair(30) +
    standing({
      head: [112, 30],
      neck: [110, 46],
      hip: [108, 94],
      arm: [[122, 70], [130, 88]],
      farArm: [[98, 70], [92, 90]],
      leg: [[122, 118], [128, 144], [140, 144]],
      farLeg: [[98, 120], [86, 140], [94, 146]],
    }) +
    arrow([146, 40], [158, 60], [150, 84]),
  'shoulder-drop': () => seatFront() + front() + arrow([70, 24], null, [70, 46]) + arrow([130, 24], null, [130, 46]),
  'screen-distance-check': () =>
    line([[118, 100], [188, 100]], 'p') +
    line([[180, 100], [180, 146]], 'p') +
    `<rect class="p" x="160" y="40" width="8" height="46" rx="2"/>` +
    line([[164, 86], [164, 100]], 'p') +
    stool(44) +
    seated({ head: [70, 37], neck: [66, 52], hip: [64, 98], arm: [[90, 84], [118, 94]], leg: [[100, 98], [102, 140], [114, 140]], farLeg: [[96, 100], [96, 140], [108, 140]] }) +
    line([[82, 36], [156, 44]], 'd') +
    arrow([84, 18], null, [156, 18], true),
  // Front view, seated: forearms up, one hand a fist and the other open, wrists bending up and down.
  'wrist-shake-out': () =>
    seatFront() +
    front({ la: [[66, 96], [60, 66]], ra: [[134, 96], [140, 66]] }) +
    ball([60, 60], 7) +
    line([[140, 62], [130, 46]], 'm') +
    line([[140, 62], [140, 42]], 'm') +
    line([[140, 62], [150, 46]], 'm') +
    arrow([164, 76], [174, 62], [164, 46], true),
  'blink-break': () =>
    `<path class="l" d="M20 80Q50 106 80 80"/>` +
    line([[32, 88], [28, 96]], 'l') +
    line([[50, 94], [50, 102]], 'l') +
    line([[68, 88], [72, 96]], 'l') +
    `<path class="l" d="M118 80Q148 54 178 80Q148 106 118 80Z"/>` +
    `<circle class="h" cx="148" cy="80" r="8"/>` +
    arrow([86, 70], [99, 62], [112, 70]),
  'hydration-sip': () =>
    floor() +
    standing({ head: [100, 30], neck: [98, 46], hip: [98, 94], arm: [[114, 70], [116, 42]] }) +
    `<path class="h" d="M114 26L128 26L126 46L116 46Z"/>`,
  'wall-posture-check': () =>
    wall(40) +
    standing({ head: [53, 30], neck: [50, 46], hip: [49, 94], arm: [[54, 72], [56, 96]], leg: [[51, 120], [50, 144], [62, 144]], farLeg: [[48, 120], [47, 144], [59, 144]] }) +
    `<circle class="a" cx="38" cy="30" r="4"/><circle class="a" cx="38" cy="58" r="4"/><circle class="a" cx="38" cy="92" r="4"/>` +
    arrow([90, 40], null, [90, 16]),

  // ---- added routines
  'paced-breathing': () =>
    chair() +
    seated({ arm: [[92, 80], [96, 92]] }) +
    `<path class="m" d="M20 20Q40 2 60 20T100 20T140 20T180 20"/>` +
    arrow([112, 92], null, [126, 92], true),
  'walking-break': () =>
    floor() +
    standing({
      head: [104, 30],
      neck: [102, 46],
      hip: [100, 94],
      arm: [[112, 70], [122, 90]],
      farArm: [[94, 70], [84, 88]],
      leg: [[114, 118], [124, 142], [136, 144]],
      farLeg: [[92, 120], [78, 140], [88, 146]],
    }) +
    arrow([138, 40], null, [176, 40]),
  'seated-ankle-pumps': () =>
    chair() +
    seated({ arm: [[88, 82], [96, 104]], leg: [[120, 94], [156, 90], [160, 76]] }) +
    arrow([172, 94], [182, 80], [172, 64], true),
  // Fingers seen from the side, three shapes: straight, hooked at the tips, a fist.
  'tendon-glides': () =>
    line([[40, 146], [40, 70], [40, 36]]) +
    line([[100, 146], [100, 70], [100, 50], [112, 44], [114, 58]]) +
    line([[160, 146], [160, 70]]) +
    `<path class="l" d="M160 70Q160 48 176 54Q184 66 168 74"/>` +
    arrow([52, 56], [70, 44], [86, 56]) +
    arrow([118, 76], [134, 64], [148, 74]),
  // Standing at a raised desk: upper arm down, forearm level on the keyboard, head over the body
  // (a dashed plumb line), the screen at eye height, weight on both feet (a mark under each).
  'standing-desk-check': () =>
    floor() +
    line([[122, 84], [186, 84]], 'p') +
    line([[178, 84], [178, 146]], 'p') +
    `<rect class="p" x="128" y="78" width="20" height="5" rx="1"/>` +
    `<rect class="p" x="164" y="22" width="8" height="40" rx="2"/>` +
    line([[168, 62], [168, 84]], 'p') +
    standing({ head: [92, 30], neck: [90, 46], hip: [90, 94], arm: [[92, 74], [126, 76]], leg: [[92, 120], [92, 144], [104, 144]], farLeg: [[86, 120], [84, 144], [96, 144]] }) +
    line([[90, 10], [90, 140]], 'd') +
    line([[104, 30], [160, 36]], 'd') +
    arrow([78, 128], null, [78, 142]) +
    arrow([110, 128], null, [110, 142]),
  // An eye, a screen close below its line of sight and a mountain far along it; a two-way arrow
  // between near and far.
  'near-far-focus': () =>
    `<path class="l" d="M22 80Q46 56 70 80Q46 104 22 80Z"/>` +
    `<circle class="h" cx="48" cy="80" r="7"/>` +
    `<rect class="p" x="78" y="102" width="26" height="18" rx="2"/>` +
    line([[91, 120], [91, 128]], 'p') +
    line([[82, 128], [100, 128]], 'p') +
    line([[68, 90], [80, 100]], 'd') +
    line([[76, 80], [150, 80]], 'd') +
    line([[150, 112], [168, 70], [186, 112]], 'p') +
    line([[148, 112], [186, 112]], 'p') +
    arrow([110, 116], [140, 140], [168, 122], true),
};

mkdirSync(OUT, { recursive: true });
for (const [id, draw] of Object.entries(ART)) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 160" width="200" height="160">${STYLE}${draw()}</svg>\n`;
  writeFileSync(new URL(`${id}.svg`, OUT), svg);
}
console.log(`${Object.keys(ART).length} illustrations written`);
