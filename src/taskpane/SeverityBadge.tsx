import { Badge } from '@fluentui/react-components';
import type { Severity } from '../engine/issues/codes';
import { SEVERITY_LABEL } from './messages';

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge appearance={severity === 'info' ? 'tint' : 'filled'} color={COLOR[severity]} shape="rounded" size="medium">
      {SEVERITY_LABEL[severity]}
    </Badge>
  );
}
