namespace Unbundled.Messaging.Embedded;

/// <summary>
/// A message file a receiver may try to claim. A send from this process also hands over the file's content, so the
/// receiver that wins the claim need not read the file back.
/// </summary>
internal readonly record struct Candidate(string FileName, byte[]? Content = null);
