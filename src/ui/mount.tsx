import { render } from 'solid-js/web';
import { App, type AppOptions } from './App';

/** Render the story into `container`; returns a function that removes it and frees the map. */
export function mountStory(container: HTMLElement, options: AppOptions): () => void {
  return render(() => <App {...options} />, container);
}
