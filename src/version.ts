/**
 * The add-in's version (package.json), for the run record. Injected at build time: webpack's
 * DefinePlugin for the task pane (webpack.config.js, test/harness/webpack.harness.js). The command line
 * reads package.json itself. '' when the source runs without a build (jest).
 */
declare const __ADDIN_VERSION__: string | undefined;

export const ADDIN_VERSION: string = typeof __ADDIN_VERSION__ === 'string' ? __ADDIN_VERSION__ : '';
