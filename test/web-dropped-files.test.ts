/**
 * A folder dropped on the web page is opened like the command line's folder argument: its spreadsheets,
 * not its subfolders, Excel's `~$` lock files or our own results. The File and Directories Entries API is
 * played by small fakes with the browser's behaviour (entries in batches until an empty one).
 */
import { droppedFiles, takeDropped, type DroppedItem } from '../src/web/dropped-files';

const file = (name: string) => new File([new Uint8Array([80, 75])], name);

function fileEntry(name: string) {
  return { isFile: true, isDirectory: false, name, file: (ok: (f: File) => void) => ok(file(name)) };
}

function folderEntry(name: string, children: { isFile: boolean; name: string }[], batch = 2) {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader() {
      let at = 0;
      return {
        readEntries(ok: (entries: unknown[]) => void) {
          const next = children.slice(at, at + batch);
          at += batch;
          setTimeout(() => ok(next), 0);
        },
      };
    },
  };
}

const item = (entry: ReturnType<typeof fileEntry> | ReturnType<typeof folderEntry>, f: File | null): DroppedItem => ({
  kind: 'file',
  getAsFile: () => f,
  webkitGetAsEntry: () => entry,
});

test('a folder gives its spreadsheets in file-list order, without lock files, results or subfolders', async () => {
  const folder = folderEntry('各单位报送', [
    fileEntry('政策法规股-2022年党建台账.xlsx'),
    fileEntry('~$政策法规股-2022年党建台账.xlsx'),
    fileEntry('报送说明.docx'),
    fileEntry('2022年度-考核结果.xlsx'),
    folderEntry('旧版本', [fileEntry('局办公室-旧.xlsx')]),
    fileEntry('局办公室-2022年党建台账.xlsx'),
    fileEntry('机关党委.xls'),
  ]);
  const { files, emptyFolders } = await droppedFiles(takeDropped([item(folder, file('各单位报送'))]));
  // zh-CN order is by pinyin: 机关 (ji) < 局办 (ju) < 政策 (zheng).
  expect(files.map((f) => f.name)).toEqual(['机关党委.xls', '局办公室-2022年党建台账.xlsx', '政策法规股-2022年党建台账.xlsx']);
  expect(emptyFolders).toEqual([]);
});

test('files dropped beside a folder come as they are; an empty folder is named', async () => {
  const loose = file('人事股.xlsx');
  const { files, emptyFolders } = await droppedFiles(
    takeDropped([item(fileEntry('人事股.xlsx'), loose), item(folderEntry('空文件夹', [fileEntry('说明.txt')]), null), { kind: 'string', getAsFile: () => null }]),
  );
  expect(files).toEqual([loose]);
  expect(emptyFolders).toEqual(['空文件夹']);
});

test('a browser without entries: the dropped files as the DataTransfer gives them', async () => {
  const a = file('a.xlsx');
  const { files } = await droppedFiles(takeDropped([{ kind: 'file', getAsFile: () => a }]));
  expect(files).toEqual([a]);
});

test('a folder the browser will not list rejects (the page then says so), rather than giving nothing', async () => {
  const locked = {
    isFile: false,
    isDirectory: true,
    name: '无权限',
    createReader: () => ({ readEntries: (_ok: unknown, fail: (e: unknown) => void) => fail(new DOMException('denied', 'NotReadableError')) }),
  };
  await expect(droppedFiles(takeDropped([{ kind: 'file', getAsFile: () => null, webkitGetAsEntry: () => locked }]))).rejects.toThrow('denied');
});
