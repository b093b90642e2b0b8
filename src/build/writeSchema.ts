/** `npm run schema`: rewrites `stories/.story.schema.json` from the one zod schema (a unit test fails while it is out of date). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editorSchemaText } from '../story/jsonSchema';

writeFileSync(join(process.cwd(), 'stories', '.story.schema.json'), editorSchemaText());
console.log('wrote stories/.story.schema.json');
