/**
 * What the dev server's author endpoint (`src/build/authorPlugin.ts`) and the
 * page's author mode (`src/author/`) say to each other. Imported only by the
 * two of them, so none of it reaches the production build.
 */
import type { StepCamera } from '../story/model';

/** Every author request is a POST under this path. */
export const AUTHOR_API = '/__story-author/';
/** The header carrying the token the dev server made at start-up. */
export const TOKEN_HEADER = 'x-story-author-token';
/** The `<meta name>` through which the story page receives the token. */
export const TOKEN_META = 'story-author-token';

/** A build problem, as the page shows it: `file:line:column field: message`, taken apart. */
export interface Problem {
  /** Relative to the repository (or the stories folder's parent), e.g. `stories/x/story.yaml`. */
  file: string;
  line: number;
  column: number;
  /** `steps[3].citations[0].quote`; empty when the problem is not about one field. */
  field: string;
  message: string;
  /** For a misquote: the source's passage nearest to the quote. */
  closest?: string;
  /** The step the field belongs to, as written in the file (it may not be in the page's story). */
  step?: { index: number; id?: string };
}

/** A file the page's story was made from, and the content hash it had then. */
export type FileKey = 'story' | 'places' | 'gazetteer';

/** The author's side of a story module in the dev server (its named export `author`). */
export interface AuthorMeta {
  /** Content hashes of the files this version of the page was built from (absent: no such file). */
  hashes: Partial<Record<FileKey, string>>;
  /** Empty when the story builds. */
  problems: Problem[];
  /** The story shown is the last one that built, not what the files say now. */
  stale: boolean;
  /** The edit Ctrl/⌘+Z would undo, if any. */
  undo?: string;
}

export interface CameraEdit {
  story: string;
  step: string;
  camera: StepCamera;
  /** The page's hash of story.yaml: the edit is refused if the file has changed since. */
  base: string;
}

export interface PlaceEdit {
  story: string;
  place: string;
  coordinates: [number, number];
  base: AuthorMeta['hashes'];
}

export interface UndoEdit {
  story: string;
}

/** The endpoint's answer: `conflict` when a file changed on disk since the page read it (the file is left as it is). */
export type EditResult =
  | { ok: true; message: string; files: string[] }
  | { ok: false; conflict?: boolean; message: string };
