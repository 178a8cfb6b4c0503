/**
 * A package whose types entry is only references (`@types/node`): the files they name are
 * part of the program, as TypeScript reads them.
 */

/// <reference types="node" />
/// <reference path="globals.d.ts" />
/// <reference path='./sub/events.d.ts' />
