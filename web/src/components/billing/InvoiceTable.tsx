import type { BillingInvoice } from '../../api/types.ts';
import { formatMoney, invoiceStatus } from '../../lib/billing-format.ts';
import { formatDate } from '../../lib/format.ts';

/** ServicePro's invoices to the business, newest first, each with a link to Stripe's copy. */
export function InvoiceTable({ invoices, billed, trialing }: { invoices: BillingInvoice[]; billed: boolean; trialing: boolean }) {
  if (invoices.length === 0) {
    return (
      <p className="muted" data-testid="no-invoices">
        {!billed ? 'This business is not billed, so there are no invoices.' : trialing ? 'No invoices yet. Your first one arrives when your free trial ends.' : 'No invoices yet.'}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="invoice-table" data-testid="invoice-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Invoice</th>
            <th scope="col">Period</th>
            <th scope="col" className="numeric">Amount</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Link</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => {
            const status = invoiceStatus(invoice.status);
            const amount = invoice.status === 'paid' ? invoice.amountPaidCents : invoice.amountDueCents;
            return (
              <tr key={invoice.id} data-invoice-id={invoice.id}>
                <td>
                  <time dateTime={invoice.issuedAt}>{formatDate(invoice.issuedAt)}</time>
                </td>
                <td>{invoice.number ?? '—'}</td>
                <td>{invoice.periodStart && invoice.periodEnd ? `${formatDate(invoice.periodStart)} – ${formatDate(invoice.periodEnd)}` : '—'}</td>
                <td className="numeric">{formatMoney(amount, invoice.currency)}</td>
                <td>
                  <span className={`invoice-status tone-${status.tone}`} data-status={invoice.status}>
                    {status.label}
                  </span>
                </td>
                <td>
                  {invoice.hostedInvoiceUrl && (
                    <a href={invoice.hostedInvoiceUrl} target="_blank" rel="noopener noreferrer">
                      {invoice.status === 'open' ? 'Pay' : 'View'}
                      <span className="visually-hidden"> invoice {invoice.number ?? ''} (opens in a new tab)</span>
                    </a>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
