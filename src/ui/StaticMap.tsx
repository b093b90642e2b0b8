import { createMemo, For } from 'solid-js';
import type { Lang, Story } from '../story/model';
import type { MapData } from '../map/mapData';
import type { MapState } from '../map/mapState';
import { drawStep, type Box, type LineStyle } from '../map/staticMap';
import { ARC_STYLE, MODE_STYLE, THEME } from '../map/theme';

/** A wrapped place label's line height (user units): its 13 px text at the live map's 1.2. */
const LINE = 15.6;

/** The live map's line styles, as SVG strokes (dashes in line widths, as MapLibre's). */
function stroke(kind: LineStyle): { stroke: string; width: number; dash?: string; opacity?: number } {
  const dash = (d: readonly [number, number] | undefined, w: number) => (d ? `${d[0] * w} ${d[1] * w}` : undefined);
  if (kind.startsWith('route-') && kind !== 'route-planned') {
    const s = MODE_STYLE[kind.slice(6) as keyof typeof MODE_STYLE];
    return { stroke: THEME.route, width: s.width * 0.9, ...(s.dash ? { dash: dash(s.dash, s.width)! } : {}) };
  }
  if (kind.startsWith('arc-')) {
    const s = ARC_STYLE[kind.slice(4) as keyof typeof ARC_STYLE];
    return { stroke: THEME[s.color], width: 3, ...(s.dash ? { dash: dash(s.dash, 3)! } : {}) };
  }
  switch (kind) {
    case 'coast':
      return { stroke: THEME.coast, width: 0.8 };
    case 'border':
      return { stroke: THEME.border, width: 0.8 };
    case 'demarcation':
      return { stroke: THEME.demarcation, width: 1.5, dash: '4 3' };
    case 'route-planned':
      return { stroke: THEME.routePlanned, width: 2, dash: '4 4' };
    default:
      return { stroke: THEME.line, width: 4, opacity: 0.45 };
  }
}

/**
 * The step's map drawn as SVG: shown while the live map loads (decorative:
 * the live map replaces it), where WebGL is missing or lost, and in print. Decorative for assistive technology — the legend and the step's
 * text say what it shows — but labelled for sighted readers.
 */
export function StaticMap(props: {
  data: MapData;
  state: MapState;
  story: Story;
  lang: Lang;
  label: string;
  decorative?: boolean;
  size?: { width: number; height: number };
  /** What lies over the drawing (its legend), in its view box's units. */
  covered?: readonly Box[];
}) {
  const drawing = createMemo(() => drawStep(props.data, props.state, props.story.places, props.story.features, props.lang, props.size, props.covered));
  return (
    <svg
      class="sm-static-map"
      viewBox={`0 0 ${drawing().width} ${drawing().height}`}
      preserveAspectRatio="xMidYMid meet"
      role={props.decorative ? undefined : 'img'}
      aria-label={props.decorative ? undefined : props.label}
      aria-hidden={props.decorative ? 'true' : undefined}
      data-static-step={props.state.stepId}
    >
      {/* "meet" shows more than the view box on one axis; the sea and the shapes extend there too. */}
      <rect x={-drawing().width} y={-drawing().height} width={drawing().width * 3} height={drawing().height * 3} fill={THEME.sea} />
      <For each={drawing().countries}>
        {(c) => <path d={c.d} fill={props.story.focusCountries.includes(c.id) ? THEME.landFocus : THEME.land} fill-rule="evenodd" />}
      </For>
      <For each={drawing().areas}>
        {(a) => <path d={a.d} fill={THEME.area} fill-opacity="0.14" stroke={THEME.area} stroke-width="1.5" stroke-opacity="0.7" fill-rule="evenodd" data-area={a.id} />}
      </For>
      <For each={drawing().lines}>
        {(l) => {
          const s = stroke(l.kind);
          return (
            <path
              d={l.d}
              fill="none"
              stroke={s.stroke}
              stroke-width={s.width}
              stroke-opacity={s.opacity}
              stroke-dasharray={s.dash}
              stroke-linecap="round"
              stroke-linejoin="round"
              data-line={l.kind}
            />
          );
        }}
      </For>
      <For each={drawing().stops}>{(st) => <circle cx={st.x} cy={st.y} r={3} fill="#fff" stroke={THEME.stop} stroke-width="1.5" />}</For>
      <For each={drawing().labels}>
        {(l) => (
          <text x={l.x} y={l.y} class="sm-static-map__country" text-anchor="middle">
            {l.name[props.lang]}
          </text>
        )}
      </For>
      <For each={drawing().places}>
        {(p) => (
          <g data-place={p.id}>
            {p.station ? (
              <circle cx={p.x} cy={p.y} r={4} fill="#fff" stroke={THEME.stop} stroke-width="2" />
            ) : (
              <circle cx={p.x} cy={p.y} r={p.highlighted ? 7 : 5} fill={p.highlighted ? '#9a2a00' : THEME.placeHalo} stroke="#fff" stroke-width="2" />
            )}
            {p.lines.length > 0 && (
              // Lines centred on the dot, as the live map's wrapped labels are.
              <text y={p.y + 4 - ((p.lines.length - 1) * LINE) / 2} text-anchor={p.side === 'left' ? 'end' : 'start'} class="sm-static-map__place">
                <For each={p.lines}>
                  {(line, i) => (
                    <tspan x={p.side === 'left' ? p.x - 10 : p.x + 10} dy={i() === 0 ? 0 : LINE}>
                      {line}
                    </tspan>
                  )}
                </For>
              </text>
            )}
          </g>
        )}
      </For>
    </svg>
  );
}
