import { useInfiniteQuery } from '@tanstack/react-query';
import { messagesQuery } from '../../api/queries.ts';
import { CallerName } from '../../components/tenant/CallerName.tsx';
import { ListToolbar, LiveList } from '../../components/tenant/LiveList.tsx';
import { useTenant } from '../../components/tenant/TenantContext.tsx';
import { formatDateTime, messageStatusLabel } from '../../lib/tenant-format.ts';

/** Every text to and from the business number — in the local sandbox too — with what became of it. */
export function TextsPage() {
  const tenant = useTenant();
  const query = useInfiniteQuery(messagesQuery(tenant.id));

  return (
    <section aria-labelledby="texts-title">
      <ListToolbar id="texts-title" title="Texts" summary="Texts customers sent you, and the ones we sent for you." onRefresh={() => void query.refetch()} />
      <LiveList query={query} noun="texts" empty={{ title: 'No texts yet', body: <p>Texts from customers and the replies we send for you will show up here.</p> }}>
        {(messages) => (
          <ul className="record-list" data-testid="message-list">
            {messages.map((message) => (
              <li key={message.id} className={`record-item message-${message.direction}`} data-status={message.status}>
                <div className="record-main">
                  <p className="record-title">
                    <span className="direction-label">{message.direction === 'inbound' ? 'From' : 'To'}</span> <CallerName tenantId={tenant.id} name={message.customerName} number={message.counterpart} customerId={message.customerId} />
                  </p>
                  <p className="message-body">{message.body}</p>
                  <p className="muted small-text">
                    <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                    {message.segments > 1 && ` · ${message.segments} parts`}
                    {message.error && ` · ${message.error}`}
                  </p>
                </div>
                <span className={`message-status msg-${message.status}`}>{messageStatusLabel(message)}</span>
              </li>
            ))}
          </ul>
        )}
      </LiveList>
    </section>
  );
}
