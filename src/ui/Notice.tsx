import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** A message in the pane's flow: a title and one paragraph. */
export function Notice({
  title,
  body,
  intent = 'info',
}: {
  title: string;
  body: string;
  intent?: 'info' | 'error' | 'warning';
}) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
    </MessageBar>
  );
}
