namespace Unbundled.Messaging.Embedded;

/// <summary>
/// A message file a receiver may try to claim. A send from this process also hands over the file's content, so the
/// receiver that wins the claim need not read the file back. <paramref name="New"/>: a message never dispatched
/// before (<see cref="Transport.TransportOperations.NewMessages"/>), accepted by the receiver straight from its sender.
/// <paramref name="Slot"/>: the receiver's slot file that holds the message instead of a file of its own (then
/// <paramref name="FileName"/> only names it, and <paramref name="Content"/> is there).
/// </summary>
internal readonly record struct Candidate(string FileName, byte[]? Content = null, bool New = false, SlotFile? Slot = null);
