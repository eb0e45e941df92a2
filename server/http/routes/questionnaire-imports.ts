/** Standard questionnaires in: a vendor's completed CAIQ v4 or SIG Lite sheet (XLSX or CSV). */
import { z } from 'zod';
import { isoDay } from '../../domain/fields.ts';
import { IMPORT_FORMATS, importCreated, importDetail, importList } from '../../domain/questionnaire-import.ts';
import { actorOf } from '../../services/auth-service.ts';
import { MAX_PAGE, MAX_SHEET_BYTES } from '../../services/questionnaires/questionnaire-imports-service.ts';
import { idParams } from '../schemas/common.ts';
import { route } from '../route.ts';
import type { RouteDeps } from '../../deps.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const importQuery = z.strictObject({
  format: z.enum(IMPORT_FORMATS).optional().meta({ description: 'caiq (CAIQ v4) or sig (SIG Lite); left out, told by the header columns.' }),
  knownFrom: isoDay.optional().meta({ description: 'The day the answers are known from (YYYY-MM-DD, not in the future); left out, today.' }),
  fileName: z.string().trim().min(1).max(200).optional().meta({ description: 'The file’s name, kept with the import for people to recognise it.' }),
});

const pageQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0).meta({ description: 'Answers to skip.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE)
    .default(MAX_PAGE)
    .meta({ description: `At most this many answers (up to ${MAX_PAGE}, every answer of a standard sheet).` }),
});

export const questionnaireImportRoutes = ({ questionnaireImports, imports }: RouteDeps) => [
  route({
    method: 'post',
    path: '/vendors/:id/questionnaire-imports',
    access: 'analyst',
    tag: 'questionnaires',
    summary:
      'Import a completed CAIQ v4 or SIG Lite answer sheet (the raw XLSX or CSV file as the body, told apart by content): every answer kept as text; answers to questions that correspond to Vendorscope facts become self-attested facts (docs/QUESTIONNAIRES.md). Unknown or missing columns: 422 naming them, nothing written',
    params: idParams,
    query: importQuery,
    rawBody: { types: ['text/csv', 'text/plain', XLSX_TYPE, 'application/octet-stream'], limit: MAX_SHEET_BYTES },
    // Shares the import slots (two per user, four in all): a sheet is read whole into memory.
    admit: (principal) => imports.admit(principal.user.id),
    status: 201,
    response: importCreated,
    errors: [404, 413, 415, 422, 429],
    handle: ({ params, query, bytes, principal }) =>
      questionnaireImports.importSheet(actorOf(principal), params.id, bytes, {
        format: query.format ?? null,
        knownFrom: query.knownFrom ?? null,
        fileName: query.fileName ?? null,
      }),
  }),
  route({
    method: 'get',
    path: '/vendors/:id/questionnaire-imports',
    access: 'viewer',
    tag: 'questionnaires',
    summary: "A vendor's imported questionnaire answer sheets, newest first",
    params: idParams,
    status: 200,
    response: importList,
    errors: [404],
    handle: ({ params }) => ({ items: questionnaireImports.list(params.id) }),
  }),
  route({
    method: 'get',
    path: '/questionnaire-imports/:id',
    access: 'viewer',
    tag: 'questionnaires',
    summary: 'An imported answer sheet with its answers as text (paged with offset and limit; the default is every answer) and what each mapped answer became',
    params: idParams,
    query: pageQuery,
    status: 200,
    response: importDetail,
    errors: [404],
    handle: ({ params, query }) => questionnaireImports.get(params.id, query.offset, query.limit),
  }),
];
