import { hydrate, render } from 'solid-js/web';
import { App, type AppOptions } from './App';
import { StepFigure, type StepFigureOptions } from './StepFigure';

export type MountOptions = ({ mode?: 'story' } & AppOptions) | ({ mode: 'card' } & StepFigureOptions);

/** Render the story (or one step as a card) into `container`; returns a function that removes it and frees the map. */
export function mountStory(container: HTMLElement, options: MountOptions): () => void {
  container.classList.add('sm-root');
  return render(() => (options.mode === 'card' ? <StepFigure {...options} /> : <App {...options} />), container);
}

/** Take over a story prerendered into `container` by the build (the full page). */
export function hydrateStory(container: HTMLElement, options: AppOptions): () => void {
  container.classList.add('sm-root');
  return hydrate(() => <App {...options} />, container);
}
