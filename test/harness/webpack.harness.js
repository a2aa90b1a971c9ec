/* Dev harness: the real task pane running against the Excel stand-in, in a plain browser.
 * `npm run harness` serves it on http://localhost:3001; test/e2e/run.mjs builds it to artifacts/harness/.
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { DefinePlugin } = require('webpack');
const { typescriptRule } = require('../../webpack.config');

const root = path.resolve(__dirname, '..', '..');

module.exports = (_env = {}, argv = {}) => ({
  mode: argv.mode === 'production' ? 'production' : 'development',
  context: root,
  // Not eval-based: the page keeps the task pane's CSP, which forbids eval.
  devtool: 'source-map',
  entry: { harness: './test/harness/harness.ts' },
  output: {
    path: path.join(root, 'artifacts', 'harness'),
    filename: '[name].js',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [typescriptRule({ sourceMap: true })],
  },
  plugins: [
    new DefinePlugin({ __ADDIN_VERSION__: JSON.stringify(require('../../package.json').version) }),
    new HtmlWebpackPlugin({ filename: 'index.html', template: './test/harness/harness.html', chunks: ['harness'] }),
    new CopyWebpackPlugin({ patterns: [{ from: 'test/fixtures/*.xlsx', to: 'fixtures/[name][ext]' }] }),
  ],
  performance: { hints: false },
  devServer: {
    port: 3001,
    host: 'localhost',
    hot: false,
    liveReload: true,
    static: false,
    client: { overlay: false },
  },
});
