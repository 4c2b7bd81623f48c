namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>One instance of a resource: the resource itself, or one entry of the map its <c>for_each</c> runs over.</summary>
internal sealed record ResourceInstance(HclBlock Resource, string? Key, string? Value)
{
    public string Address => Key is null ? Resource.Address : $"{Resource.Address}[\"{Key}\"]";

    /// <summary>The attribute with <c>${each.key}</c> and <c>${each.value}</c> replaced by this instance's entry.</summary>
    public string? Text(string attribute) =>
        Resource.Text(attribute) is { } text && Key is not null
            ? text.Replace("${each.key}", Key, StringComparison.Ordinal).Replace("${each.value}", Value, StringComparison.Ordinal)
            : Resource.Text(attribute);

    public override string ToString() => Address;
}
