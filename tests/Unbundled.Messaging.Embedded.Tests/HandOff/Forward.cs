namespace Unbundled.Messaging.Embedded.Tests.HandOff.Commands;

/// <summary>Its handler sends <c>Target</c> a <c>DoSomethingSlowly</c> taking <see cref="Milliseconds"/>, or a <c>Fail</c> that always fails.</summary>
public sealed record Forward(string Text, int Milliseconds = 0, bool AlwaysFailing = false);
