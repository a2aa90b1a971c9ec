/** The worker's bundled source, as a string (scripts/build/inline-worker-loader.cjs). */
declare module '*?inline-worker' {
  const source: string;
  export default source;
}
