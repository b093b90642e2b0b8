import { createMemo, For } from 'solid-js';
import type { Lang, Place } from '../story/model';
import type { MapData } from '../map/mapData';
import type { MapState } from '../map/mapState';
import { drawStep } from '../map/staticMap';
import { FOCUS_COUNTRIES, THEME } from '../map/theme';

const STROKES = {
  coast: { stroke: THEME.coast, width: 0.8 },
  border: { stroke: THEME.border, width: 0.8 },
  demarcation: { stroke: THEME.demarcation, width: 1.5, dash: '4 3' },
  train: { stroke: THEME.train, width: 3.5 },
  ghost: { stroke: THEME.ghost, width: 3, dash: '1 5' },
  af1: { stroke: THEME.af1, width: 3 },
} as const;

/**
 * The step's map drawn as SVG: shown where WebGL is missing or lost, and in
 * print. Decorative for assistive technology — the legend and the step's
 * text say what it shows — but labelled for sighted readers.
 */
export function StaticMap(props: { data: MapData; state: MapState; places: readonly Place[]; lang: Lang; label: string }) {
  const drawing = createMemo(() => drawStep(props.data, props.state, props.places));
  return (
    <svg
      class="sm-static-map"
      viewBox={`0 0 ${drawing().width} ${drawing().height}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={props.label}
      data-static-step={props.state.stepId}
    >
      {/* "meet" shows more than the view box on one axis; the sea and the shapes extend there too. */}
      <rect x={-drawing().width} y={-drawing().height} width={drawing().width * 3} height={drawing().height * 3} fill={THEME.sea} />
      <For each={drawing().countries}>
        {(c) => <path d={c.d} fill={(FOCUS_COUNTRIES as readonly string[]).includes(c.id) ? THEME.landFocus : THEME.land} fill-rule="evenodd" />}
      </For>
      <For each={drawing().lines}>
        {(l) => {
          const s = STROKES[l.kind];
          return (
            <path
              d={l.d}
              fill="none"
              stroke={s.stroke}
              stroke-width={s.width}
              stroke-dasharray={'dash' in s ? s.dash : undefined}
              stroke-linecap="round"
              stroke-linejoin="round"
              data-line={l.kind}
            />
          );
        }}
      </For>
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
            <circle cx={p.x} cy={p.y} r={p.highlighted ? 7 : 5} fill={p.highlighted ? '#9a2a00' : THEME.placeHalo} stroke="#fff" stroke-width="2" />
            <text x={p.x + 10} y={p.y + 4} class="sm-static-map__place">
              {p.name[props.lang]}
            </text>
          </g>
        )}
      </For>
    </svg>
  );
}
