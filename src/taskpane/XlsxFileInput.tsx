/**
 * The hidden file input behind a 「选择文件」 button (the pane's 合并各单位报送文件, the web page's drop zone):
 * .xlsx offered, several at once, and the same file picked again still reported.
 */
import { forwardRef } from 'react';

export const XlsxFileInput = forwardRef<HTMLInputElement, { className: string; testId: string; onPick: (files: File[]) => void }>(function XlsxFileInput(
  { className, testId, onPick },
  ref,
) {
  return (
    <input
      ref={ref}
      className={className}
      type="file"
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      multiple
      data-testid={testId}
      onChange={(e) => {
        const picked = Array.from(e.target.files ?? []);
        // Picking the same file again must fire change again.
        e.target.value = '';
        if (picked.length > 0) onPick(picked);
      }}
    />
  );
});
