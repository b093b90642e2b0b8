import { createMemo, createResource, For, Show } from 'solid-js';
import type { Lang, StepCamera, Step, Story } from '../story/model';
import { loadMapData } from '../map/mapData';
import { mapStateFor } from '../map/mapState';
import { StaticMap } from '../ui/StaticMap';
import { framedZoom, framings, isClear, type Box, type Framing } from './camera';

const percent = (box: Box, f: Framing) => ({
  left: `${(box.x / f.screen.width) * 100}%`,
  top: `${(box.y / f.screen.height) * 100}%`,
  width: `${(box.width / f.screen.width) * 100}%`,
  height: `${(box.height / f.screen.height) * 100}%`,
});

/**
 * The step as a desktop reader and a phone reader see it at `camera`, side by
 * side: the map drawn for each screen's map size (the zoom the page would
 * give it), the text where it lies on that screen, and which of the step's
 * places the text or the screen's edge hide.
 */
export function FramingPreview(props: { story: Story; step: Step; camera: StepCamera; lang: Lang; legendHeight: number }) {
  const [data] = createResource(loadMapData);
  const frames = createMemo(() => framings(props.legendHeight));
  const places = () => props.step.places.flatMap((id) => props.story.places.filter((p) => p.id === id));
  const hiddenIn = (f: Framing) => places().filter((p) => !isClear(p.coordinates, props.camera, f));
  const status = (f: Framing) => {
    const hidden = hiddenIn(f);
    if (places().length === 0) return { ok: true, text: 'no places' };
    const n = places().length;
    if (hidden.length === 0) return { ok: true, text: n === 1 ? 'its place is clear' : n === 2 ? 'both places clear' : `all ${n} places clear` };
    return { ok: false, text: `${hidden.map((p) => p.name[props.lang]).join(', ')} under the text or off screen` };
  };
  return (
    <div class="sm-author-frames" lang="en">
      <div class="sm-author-frames__row">
        <For each={frames()}>
          {(f) => {
            const state = () => ({ ...mapStateFor(props.step, 1), camera: { ...props.camera, zoom: framedZoom(props.camera, f) } });
            return (
              <figure class={`sm-author-frame sm-author-frame--${f.id}`} data-framing={f.id} data-hidden-places={hiddenIn(f).map((p) => p.id).join(' ')}>
                <div class="sm-author-frame__screen" style={{ 'aspect-ratio': `${f.screen.width} / ${f.screen.height}` }}>
                  <div class="sm-author-frame__map" style={percent(f.map, f)}>
                    <Show when={data()}>
                      {(d) => (
                        <StaticMap data={d()} state={state()} story={props.story} lang={props.lang} label={`${f.label}: the map at this view`} size={{ width: f.map.width, height: f.map.height }} />
                      )}
                    </Show>
                    <div class="sm-author-frame__legend" style={{ height: `${(Math.max(props.legendHeight, 24) / f.map.height) * 100}%` }} aria-hidden="true" />
                  </div>
                  <div class="sm-author-frame__text" aria-hidden="true" style={percent(f.text, f)}>
                    <span class="sm-author-frame__title">{props.step.title[props.lang]}</span>
                    <span class="sm-author-frame__line" />
                    <span class="sm-author-frame__line" />
                    <span class="sm-author-frame__line sm-author-frame__line--short" />
                  </div>
                </div>
                <figcaption>{f.id === 'desktop' ? 'Desktop' : 'Phone'}</figcaption>
              </figure>
            );
          }}
        </For>
      </div>
      <ul class="sm-author-frames__status">
        <For each={frames()}>
          {(f) => (
            <li classList={{ 'sm-author-frames__ok': status(f).ok, 'sm-author-frames__warn': !status(f).ok }} data-framing-status={f.id}>
              <span class="sm-author-frames__label">{f.id === 'desktop' ? 'Desktop' : 'Phone'}:</span> {status(f).text}
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
