/**
 * The JSON Schema of a story file, generated from the one zod schema, for
 * editors: `stories/.story.schema.json` (committed; a test fails when it is
 * out of date — `npm run schema` rewrites it) and `story.schema.json` in
 * the build. Story files name it on their first line for the YAML language
 * server. It checks the shape; the build checks the rest (quotes, ids).
 */
import { z } from 'zod';
import { storySchema } from './schema';

export function editorSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(storySchema(), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'story.schema.json',
    title: 'Story map: story.yaml',
    description: 'A story of the story map: its languages, sources, map features, calculations and steps. See README.md, "Writing a story".',
  };
}

export function editorSchemaText(): string {
  return `${JSON.stringify(editorSchema(), null, 2)}\n`;
}
