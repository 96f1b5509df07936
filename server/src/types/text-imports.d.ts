/** `import text from 'some/file?text'`: the file's content as a string, inlined by esbuild (scripts/build.mjs). */
declare module '*?text' {
  const text: string;
  export default text;
}
