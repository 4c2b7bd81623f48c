namespace MyCompany.Sales;

/// <summary>An event in the namespace the wire-format document uses for its topic name example.</summary>
internal sealed record OrderPlaced;
