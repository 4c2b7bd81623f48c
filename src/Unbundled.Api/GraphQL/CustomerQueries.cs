using Unbundled.Ports;

namespace Unbundled.Api.GraphQL;

/// <summary><c>Customer(id)</c>: a read of the read model; an unknown or malformed id is simply no customer.</summary>
public sealed class CustomerQueries(IReadCustomerViews views)
{
    public async Task<CustomerResult?> Customer(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var customerId))
        {
            return null;
        }

        var view = await views.Find(customerId, cancellationToken);
        return view is null ? null : new CustomerResult(view.Id.ToString(), view.Email, view.Invited);
    }
}
