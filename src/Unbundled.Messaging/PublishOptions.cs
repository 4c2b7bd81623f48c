namespace Unbundled.Messaging;

public sealed class PublishOptions : ExtendableOptions;
