namespace MyCompany.Sales;

/// <summary>An event in the namespace docs/wire-format.md §3.2 uses for its topic name example.</summary>
internal sealed record OrderPlaced;
