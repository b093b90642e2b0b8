/** What `<story-map>` shows when the story itself cannot load: its title, why, and a link to the full story. */
export interface FallbackText {
  title: string;
  /** Why the map is missing, in the story's language. */
  note: string;
  /** The link's words ("Read the whole story"). */
  link: string;
}

/** In `medium` and em: the reader's text size, whatever the host sets on its root. */
export const FALLBACK_CSS = `:host { display: block; }
.sm-fallback { margin: 0; padding: 1em 1.25em; border: 1px solid #d9d4ca; border-radius: 6px; background: #fbfaf7; color: #1d2329; font: medium/1.5 system-ui, sans-serif; text-align: left; }
.sm-fallback p { margin: 0; }
.sm-fallback__title { font-weight: 700; font-size: 1.25em; }
.sm-fallback__note { color: #4f5961; }
.sm-fallback a { color: #7a3900; }`;

export function StoryFallback(props: { text: FallbackText; href: string; lang: string }) {
  return (
    <div class="sm-fallback" lang={props.lang}>
      <p class="sm-fallback__title">{props.text.title}</p>
      <p class="sm-fallback__note">{props.text.note}</p>
      <p>
        <a href={props.href}>{props.text.link}</a>
      </p>
    </div>
  );
}
