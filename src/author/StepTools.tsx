import { For, Show, type Accessor } from 'solid-js';
import type { Step, StepCamera } from '../story/model';
import type { AuthorSession } from './session';
import { sameCamera, stepPoints } from './camera';
import { FramingPreview } from './FramingPreview';
import { ProblemList } from './ProblemList';

const showCamera = (c: StepCamera) =>
  `${c.center[0]}, ${c.center[1]} · z ${c.zoom}${c.bearing !== 0 ? ` · bearing ${c.bearing}` : ''}${c.pitch !== 0 ? ` · pitch ${c.pitch}` : ''}`;

/**
 * Author mode in a step's card: the step's build problems, and on the active
 * step the tools that write its camera from the live map ("Use this view"),
 * propose one ("Fit to places"), preview it on a desktop and a phone, and
 * move its places.
 */
export function StepTools(props: { session: AuthorSession; step: Step; active: Accessor<boolean> }) {
  const s = props.session;
  const lang = () => s.story.languages[0]!;
  const problems = s.problemsAt(props.step.id);
  const live = () => s.camera();
  const changed = () => {
    const c = live();
    return c !== undefined && !sameCamera(c, props.step.camera);
  };
  const places = () => props.step.places.flatMap((id) => s.story.places.filter((p) => p.id === id));
  const canFit = stepPoints(s.story, props.step).length > 0;
  return (
    <Show when={problems.length > 0 || (props.active() && !s.hidden())}>
      <section class="sm-author" lang="en" aria-label={`Author tools for “${props.step.title[lang()]}”`} data-author-step={props.step.id}>
        <ProblemList problems={problems} />
        <Show when={props.active() && !s.hidden()}>
          <div class="sm-author__actions">
            <button type="button" class="sm-author__button sm-author__button--primary" disabled={!s.map() || s.busy()} onClick={() => void s.useView(props.step.id)}>
              Use this view
            </button>
            <button type="button" class="sm-author__button" disabled={!s.map() || !canFit} onClick={(e) => s.fit(props.step.id, e)}>
              Fit to places
            </button>
          </div>
          <p class="sm-author__hint" role="status">
            {s.stepNotice()?.step === props.step.id ? s.stepNotice()!.text : ''}
          </p>
          <dl class="sm-author__cameras">
            <dt>Map now</dt>
            <dd>
              <code data-camera="live">{live() ? showCamera(live()!) : '…'}</code>
              <Show when={changed()}>
                {' '}
                <span class="sm-author__unsaved">not saved</span>
              </Show>
            </dd>
            <dt>Saved</dt>
            <dd>
              <code data-camera="saved">{showCamera(props.step.camera)}</code>
            </dd>
          </dl>
          <Show when={live()}>{(camera) => <FramingPreview story={s.story} step={props.step} camera={camera()} lang={lang()} legendHeight={s.legendHeight()} />}</Show>
          <Show when={places().length > 0}>
            <details class="sm-author__places">
              <summary>Move a place</summary>
              <p>Drag its dot on the map, or move the map until the cross at its centre marks the spot and press:</p>
              <ul>
                <For each={places()}>
                  {(place) => (
                    <li>
                      <button type="button" class="sm-author__button" disabled={!s.map() || s.busy()} onClick={() => void s.placeAtCentre(place.id)}>
                        Put {place.name[lang()]} at the cross
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </details>
          </Show>
        </Show>
      </section>
    </Show>
  );
}
