/** The official format as data (docs/format.md): parts, tables, cell keys, relations, numerals. */
export * from './bilingual';
export * from './parts';
export * from './tables';
export * from './relations';
export * from './numerals';
